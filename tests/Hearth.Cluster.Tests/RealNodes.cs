using Hearth.Cluster.Jobs;
using Hearth.Hardware.History;
using Hearth.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace Hearth.Cluster.Tests;

/// <summary>Nodes hosted the way <c>hearth up</c> hosts them (a generic host with UseHearthCluster), in this process.</summary>
internal sealed class RealNodes : IAsyncDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-nodes-").FullName;
    private readonly List<IHost> hosts = [];

    public ScriptedRunner Runner { get; } = new();

    /// <summary>Builds a node; <paramref name="configure"/> sets its membership, secret… on fast test options.</summary>
    public async Task<IHost> Start(string name, Action<HearthClusterOptions> configure, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(HearthDatabase.InHome(Directory.CreateDirectory(Path.Combine(root, name)).FullName));
        builder.Services.AddSingleton(Runner.For(name));
        var options = TestCluster.Fast();
        (options.NodeName, options.SiloPort, options.GatewayPort) = (name, Ports.Free(), Ports.Free());
        configure(options);
        builder.UseOrleans(silo => silo.UseHearthCluster(options));
        var host = builder.Build();
        hosts.Add(host);
        await host.StartAsync(cancellationToken);
        return host;
    }

    public static JobCoordinator Coordinator(IHost host) => host.Services.GetRequiredService<JobCoordinator>();

    public static IReadOnlyList<string> Active(IHost host) =>
        [.. host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Where(m =>
            m.Status == SiloStatus.Active).Select(m => m.Name).Order()];

    public static int SiloPort(IHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Port;

    public async ValueTask DisposeAsync()
    {
        Runner.ReleaseAll();
        foreach (var host in hosts)
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // a node that never joined
            }

            host.Dispose();
        }

        Directory.Delete(root, recursive: true);
    }
}
