using Hearth.Hardware.History;
using Hearth.Hardware.Platform;
using Hearth.Hardware.Telemetry;
using Hearth.Server.Live;
using Hearth.Server.Security;
using Hearth.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Server.Tests;

/// <summary>A real Hearth node on Kestrel, fed by a scripted sampler, with its own Hearth home.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(WebApplication app, string home, ScriptedSampler sampler)
    {
        App = app;
        Home = home;
        Sampler = sampler;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) };
    }

    public WebApplication App { get; }

    public string Home { get; }

    public ScriptedSampler Sampler { get; }

    public HttpClient Http { get; }

    public HearthDatabase Database => App.Services.GetRequiredService<HearthDatabase>();

    public string Token => App.Services.GetRequiredService<NodeToken>().Value();

    /// <param name="cluster">Hosts an Orleans silo too (a one-node cluster) when given.</param>
    public static async Task<TestNode> StartAsync(string bind = "127.0.0.1", TimeProvider? time = null, double intervalSeconds = 1,
        Uri? webhook = null, Hearth.Cluster.HearthClusterOptions? cluster = null, bool requireToken = false,
        Action<HearthServerOptions>? tune = null)
    {
        var home = Directory.CreateTempSubdirectory("hearth-node-").FullName;
        var sampler = new ScriptedSampler();
        var app = HearthServer.Build(o =>
        {
            (o.Port, o.Bind, o.Interval, o.Webhook, o.Cluster, o.RequireToken) = (0, bind, TimeSpan.FromSeconds(intervalSeconds), webhook, cluster,
                requireToken);
            tune?.Invoke(o);
        }, services =>
        {
            services.AddSingleton(HearthDatabase.InHome(home));
            services.AddSingleton(new NodeToken(() => home));
            services.AddSingleton(new Hearth.Learning.Models.ModelStore(home));
            services.AddSingleton<ISystemFiles>(Machines.Files("nvidia-h100-docker"));
            services.AddSingleton(time ?? TimeProvider.System);
            services.AddSingleton(sp => new TelemetryCollector([sampler], sp.GetRequiredService<TimeProvider>()));
        });
        await app.StartAsync();
        return new TestNode(app, home, sampler);
    }

    /// <summary>
    /// Waits for the node's next <paramref name="count"/> samples (events, not sleeps); <paramref name="beforeEach"/>
    /// runs before each (a fake clock's advance, which is what makes the node tick).
    /// </summary>
    public async Task<List<ServerEvent>> NextSamples(int count, Action? beforeEach = null)
    {
        using var subscription = App.Services.GetRequiredService<LiveHub>().Subscribe();
        var events = new List<ServerEvent>();
        for (var seen = 0; seen < count; seen++)
        {
            beforeEach?.Invoke();
            ServerEvent next;
            do
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                next = await subscription.Reader.ReadAsync(timeout.Token);
                events.Add(next);
            }
            while (next.Name != "sample");
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Home, recursive: true);
    }
}
