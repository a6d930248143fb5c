using Hearth.Cluster;
using Hearth.Hardware;
using Hearth.Learning;
using Hearth.Server.Compatible;
using Hearth.Server.Endpoints;
using Hearth.Server.Security;
using Hearth.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hearth.Server;

/// <summary>Builds the local Hearth node: Kestrel on the chosen address, the API, the dashboard and <c>/metrics</c>.</summary>
public static class HearthServer
{
    /// <summary>The rate-limiting policy of every endpoint that analyses text: a few at once, the others queued.</summary>
    internal const string AnalysisPolicy = "analysis";

    /// <summary>How long in-flight requests may finish when the node is asked to stop.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    /// <param name="configure">Sets the node's options; they are validated when the node starts.</param>
    /// <param name="overrides">Replaces registrations after the defaults (tests feed recorded samplers here).</param>
    public static WebApplication Build(Action<HearthServerOptions> configure, Action<IServiceCollection>? overrides = null)
    {
        var options = new HearthServerOptions();
        configure(options); // what the host is built with (the silo or not); the node's own copy is validated at start
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // request lines stay out of the log: no URL, no header, no token
        // start failures are reported by the caller, without a stack trace
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error); // start-up notes about server GC, not problems
        // Orleans' watchdog warns of a "participant check" stall while the node loads its models at start (CPU-bound on
        // small machines); the node's own watchdog and /healthz report real stalls.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Services.AddHearthHardware().AddHearthText().AddHearthLearning().AddHearthServer(configure);
        // A request the framework cannot read is answered by ErrorMiddleware, with the reason.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var validated = kestrel.ApplicationServices.GetRequiredService<IOptions<HearthServerOptions>>().Value;
            kestrel.Listen(validated.Address, validated.Port);
        });
        if (options.Cluster is { } cluster)
        {
            builder.UseOrleans(silo => silo.UseHearthCluster(cluster));
        }

        // On SIGTERM, requests still running after this are aborted, which cancels their analyses: the node stops in seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddRateLimiter(limits =>
        {
            limits.AddConcurrencyLimiter(AnalysisPolicy, limit => (limit.PermitLimit, limit.QueueLimit, limit.QueueProcessingOrder) =
                (options.AnalysisConcurrency, options.AnalysisQueue, System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst));
            limits.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "5";
                return new ValueTask(ErrorMiddleware.WriteAsync(rejected.HttpContext, StatusCodes.Status503ServiceUnavailable,
                    $"{options.AnalysisConcurrency} analyses are running and {options.AnalysisQueue} waiting",
                    "retry in a few seconds, or send fewer requests at once"));
            };
        });
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<BearerTokenMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<MemoryReturn>();
        app.MapOpenApi("/api/openapi.json");
        app.MapHearthApi();
        app.MapClusterApi();
        app.MapDashboard();
        app.MapWatsonNlu();
        app.MapGoogleNaturalLanguage();
        app.MapWatsonTone();
        app.MapWatsonPersonality();
        app.MapIbmIam();
        return app;
    }
}
