using System.ComponentModel;
using System.Text.Json;
using Hearth.Cli.Output;
using Hearth.Hardware.Doctor;
using Hearth.Hardware.History;
using Spectre.Console;
using Spectre.Console.Cli;
using Status = Hearth.Hardware.Status;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth doctor</c>: inventory, layered checks, proof of work, verdicts.</summary>
internal sealed class DoctorCommand(DoctorRunner doctor, ReportStore reports) : Command<DoctorCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--json")]
        [Description("Print the report as JSON (schema: docs/doctor-json.md) instead of tables.")]
        public bool Json { get; init; }

        [CommandOption("--expect-gpu")]
        [Description("Exit with code 1 unless a GPU is proved to work (for CI pipelines that must not silently run on the CPU).")]
        public bool ExpectGpu { get; init; }

        [CommandOption("--no-ai")]
        [Description("Skip the ONNX Runtime model check (saves a few seconds).")]
        public bool NoAi { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new DoctorOptions(RunAi: !settings.NoAi);
        var report = settings.Json
            ? doctor.Run(options, cancellationToken)
            : AnsiConsole.Status().Start("Proving every device with real work…", _ => doctor.Run(options, cancellationToken));
        var exitCode = report.Healthy(settings.ExpectGpu) ? ExitCodes.Ok : ExitCodes.DeviceNotWorking;
        var gpuMissing = settings.ExpectGpu && !report.HasWorkingGpu
            ? $"--expect-gpu: no working GPU was found. {GpuSummary(report)}"
            : null;
        var document = new
        {
            report.SchemaVersion,
            report.GeneratedAt,
            ExitCode = exitCode,
            ExpectGpuFailure = gpuMissing,
            report.AiRunsOn,
            report.ElapsedSeconds,
            report.Devices,
            report.Checks,
            report.AiRuntime,
            report.Inventory,
        };
        Keep(document, report.GeneratedAt);
        if (settings.Json)
        {
            JsonOutput.Write(document);
        }
        else
        {
            DoctorView.Render(AnsiConsole.Console, report);
        }

        if (gpuMissing is not null)
        {
            Console.Error.WriteLine(gpuMissing);
        }

        return exitCode;
    }

    /// <summary>The latest report feeds the dashboard; a home that cannot be written must not fail the doctor.</summary>
    private void Keep(object document, DateTimeOffset at)
    {
        try
        {
            reports.Save("doctor", at, JsonSerializer.Serialize(document, Hardware.HearthJson.Options));
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            Console.Error.WriteLine($"hearth: the report is not kept for the dashboard ({e.Message})");
        }
    }

    private static string GpuSummary(DoctorReport report)
    {
        var failing = report.Devices.Where(d => d.Kind == "gpu" && !d.Works).ToList();
        if (failing.Count > 0)
        {
            return string.Join(" ", failing.Select(d => $"{d.Name}: {d.Verdict}."));
        }

        var firstProblem = report.Checks.FirstOrDefault(c => c.Status == Status.Fail);
        return firstProblem is not null
            ? $"{firstProblem.Finding}. {firstProblem.Fix}"
            : "No GPU is present on this machine (nothing on the PCI bus, no NVIDIA driver): the work will run on the CPU.";
    }
}
