using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Hearth.Cli.Output;
using Hearth.Hardware.Doctor;
using Hearth.Hardware.History;
using Hearth.Hardware.Runs;
using Hearth.Hardware.Telemetry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth run [--expect gpu|cpu] -- COMMAND…</c>: runs any program, follows its whole process tree on the
/// CPUs and GPUs, and ends with a verdict on where the work really ran. The program's exit code is kept.
/// </summary>
internal sealed class RunCommand(TelemetryCollector telemetry, RunStore jobs, DoctorRunner doctor, TimeProvider time) : Command<RunCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--expect <DEVICE>")]
        [Description("gpu or cpu: where the program must run. If it succeeds elsewhere, hearth exits with 3.")]
        public string? Expect { get; init; }

        [CommandOption("--interval <SECONDS>")]
        [Description("Seconds between samples (default 1).")]
        [DefaultValue(1.0)]
        public double Interval { get; init; } = 1;

        [CommandOption("--report <FILE>")]
        [Description("Also write the verdict and the sampled series as JSON to FILE.")]
        public string? Report { get; init; }

        public override ValidationResult Validate() =>
            Expect is not (null or "gpu" or "cpu") ? ValidationResult.Error($"--expect '{Expect}' must be gpu or cpu")
            : Interval is < 0.05 or > 60 ? ValidationResult.Error($"--interval {Interval} must be between 0.05 and 60 seconds")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var command = context.Remaining.Raw;
        if (command.Count == 0)
        {
            Console.Error.WriteLine("hearth: nothing to run: hearth run [--expect gpu|cpu] -- COMMAND [ARGS…]");
            return ExitCodes.UsageOrInternal;
        }

        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        var cpuBefore = ChildCpuTime.Seconds();
        telemetry.Collect(); // prime the counters, so the first tick has rates
        Process child;
        try
        {
            child = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"hearth: cannot start '{command[0]}': {e.Message}");
            return ExitCodes.CommandNotFound;
        }

        using (child)
        {
            var commandLine = string.Join(' ', command);
            var started = time.GetUtcNow();
            var jobId = Record(() => jobs.Start(commandLine, settings.Expect, child.Id, started));
            var observer = new RunObserver(child.Id, telemetry.Devices);
            var series = new List<object>();
            var last = time.GetTimestamp();
            while (!child.WaitForExit(TimeSpan.FromSeconds(settings.Interval)))
            {
                var snapshot = telemetry.Collect();
                var now = time.GetTimestamp();
                observer.Observe(snapshot, time.GetElapsedTime(last, now));
                last = now;
                series.Add(new { snapshot.At, Util = telemetry.Devices.ToDictionary(d => d.Id, d => snapshot[Series.Key(d.Id, Series.Util)]) });
            }

            child.WaitForExit();
            var duration = time.GetUtcNow() - started;
            var cpuSeconds = ChildCpuTime.Seconds() - cpuBefore;
            var summary = observer.Summarize(duration, cpuSeconds, Environment.ProcessorCount);
            var cause = settings.Expect == "gpu" && !summary.Gpus.Any(g => g.Used) ? doctor.LikelyGpuProblem() : null;
            var verdict = RunVerdict.Judge(summary, settings.Expect, cause);
            var exitCode = child.ExitCode != 0 ? child.ExitCode : verdict.ExpectationMet == false ? ExitCodes.ExpectationNotMet : 0;
            if (jobId is { } id)
            {
                Record(() => { jobs.Finish(id, time.GetUtcNow(), child.ExitCode, verdict.Text, verdict.ExpectationMet); return id; });
            }

            Console.Error.WriteLine($"hearth: {(jobId is { } j ? $"job {j} " : "")}{verdict.Text}");
            if (verdict.ExpectationMet == false)
            {
                var exit = child.ExitCode == 0 ? $": exit code {ExitCodes.ExpectationNotMet}" : $"; keeping the program's exit code {child.ExitCode}";
                Console.Error.WriteLine($"hearth: expected to run on the {settings.Expect!.ToUpperInvariant()}, it did not{exit}");
            }

            if (settings.Report is { } report)
            {
                File.WriteAllText(report, JsonSerializer.Serialize(new { JobId = jobId, Command = command, settings.Expect, child.ExitCode,
                    HearthExitCode = exitCode, verdict.Text, verdict.UsedGpu, verdict.ExpectationMet, Summary = summary, Series = series },
                        Hardware.HearthJson.Options));
            }

            return exitCode;
        }
    }

    /// <summary>Recording the job is a convenience: a store that cannot be written must not stop the program.</summary>
    private static long? Record(Func<long> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            Console.Error.WriteLine($"hearth: the job is not recorded ({e.Message})");
            return null;
        }
    }
}
