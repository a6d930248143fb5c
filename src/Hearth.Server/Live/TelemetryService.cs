using System.Text.Json;
using Hearth.Hardware;
using Hearth.Hardware.History;
using Hearth.Hardware.Runs;
using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;
using Hearth.Server.Alerts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hearth.Server.Live;

/// <summary>
/// The node's heartbeat: every interval it samples every device, keeps the history, evaluates the watchdog
/// on the live series and the running jobs, and pushes the sample to live subscribers.
/// </summary>
public sealed partial class TelemetryService(
    TelemetryCollector collector,
    LiveSeries live,
    TelemetryStore store,
    RunStore jobs,
    WatchdogEngine watchdog,
    AlertBook alerts,
    LiveHub hub,
    HearthServerOptions options,
    TimeProvider time,
    ILogger<TelemetryService> logger) : BackgroundService
{
    private bool storeFailed;
    private PeriodicTimer? timer;

    /// <summary>Sampling ticks done, for tests and the health check.</summary>
    public long Ticks { get; private set; }

    /// <summary>The timer starts with the host, not later on the background thread, so no tick is missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        collector.Collect(); // prime the counters: the first tick then has rates
        timer = new PeriodicTimer(options.Interval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await timer!.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>One sampling step (also called directly by tests).</summary>
    public void Tick()
    {
        var snapshot = collector.Collect();
        live.Add(snapshot);
        Keep(snapshot);
        var changes = watchdog.Evaluate(new WatchContext(live, collector.Devices, RunningJobs(), snapshot.At));
        alerts.Record(changes, watchdog.Active);
        if (hub.Subscribers > 0)
        {
            hub.Publish(new ServerEvent("sample", JsonSerializer.Serialize(LiveSample.From(snapshot), HearthJson.Compact)));
        }
        Ticks++;
    }

    private void Keep(TelemetrySnapshot snapshot)
    {
        try
        {
            store.Append(snapshot);
            storeFailed = false;
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            if (!storeFailed)
            {
                LogStoreFailed(logger, e.Message);
                storeFailed = true;
            }
        }
    }

    private IReadOnlyList<RunRecord> RunningJobs()
    {
        try
        {
            return jobs.Running();
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            return [];
        }
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Telemetry history cannot be written ({Reason}); live views go on without it")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
