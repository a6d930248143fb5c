using System.ComponentModel;
using Hearth.Cli.Output;
using Hearth.Hardware.History;
using Hearth.Hardware.Runs;
using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth watch</c>: a live terminal view of every device, its processes and the watchdog's alerts.</summary>
internal sealed class WatchCommand(TelemetryCollector telemetry, RunStore runs, TimeProvider time) : Command<WatchCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--interval <SECONDS>")]
        [Description("Seconds between refreshes (default 1).")]
        [DefaultValue(1.0)]
        public double Interval { get; init; } = 1;

        [CommandOption("--count <N>")]
        [Description("Stop after N refreshes (default: until Ctrl+C).")]
        public int? Count { get; init; }

        public override ValidationResult Validate() =>
            Interval is < 0.1 or > 60 ? ValidationResult.Error($"--interval {Interval} must be between 0.1 and 60 seconds")
            : Count is < 1 ? ValidationResult.Error("--count must be at least 1")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var live = new LiveSeries(TimeSpan.FromMinutes(10));
        var watchdog = new WatchdogEngine(WatchdogEngine.DefaultRules);
        telemetry.Collect(); // prime the counters
        if (!Sample(live, watchdog, settings, cancellationToken))
        {
            return 0;
        }

        // The first frame is a real sample, so --count N draws exactly N frames.
        AnsiConsole.Live(TelemetryView.Render(telemetry.Devices, live, watchdog.Active)).AutoClear(false).Start(display =>
        {
            for (var tick = 1; (settings.Count is not { } count || tick < count) && Sample(live, watchdog, settings, cancellationToken); tick++)
            {
                display.UpdateTarget(TelemetryView.Render(telemetry.Devices, live, watchdog.Active));
            }
        });
        return 0;
    }

    /// <summary>Waits one interval and takes a sample; false when the user stopped the view.</summary>
    private bool Sample(LiveSeries live, WatchdogEngine watchdog, Settings settings, CancellationToken cancellationToken)
    {
        if (cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(settings.Interval)))
        {
            return false;
        }

        live.Add(telemetry.Collect());
        watchdog.Evaluate(new WatchContext(live, telemetry.Devices, RunningPrograms(), time.GetUtcNow()));
        return true;
    }

    private IReadOnlyList<RunRecord> RunningPrograms()
    {
        try
        {
            return runs.Running();
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            return []; // no usable Hearth home: the view still works, without job rules
        }
    }
}
