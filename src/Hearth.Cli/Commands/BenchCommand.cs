using System.ComponentModel;
using Hearth.Cli.Output;
using Hearth.Hardware.Bench;
using Hearth.Hardware.History;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth bench</c>: GEMM sweep, STREAM triad and embeddings per device, appended to the history.</summary>
internal sealed class BenchCommand(BenchRunner bench, BenchHistory history) : Command<BenchCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--sizes <LIST>")]
        [Description(BenchSizes.Description)]
        public string? Sizes { get; init; }

        [CommandOption("--json")]
        [Description("Print the figures as JSON.")]
        public bool Json { get; init; }

        [CommandOption("--compare")]
        [Description("Show the change of every figure since the previous run in the history.")]
        public bool Compare { get; init; }

        [CommandOption("--no-ai")]
        [Description("Skip the embedding throughput measurement.")]
        public bool NoAi { get; init; }

        public override ValidationResult Validate() => BenchSizes.Validate(Sizes);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        _ = history.Count(); // an unusable home fails now, not after the measurements
        var options = new BenchOptions(BenchSizes.ParseOrDefault(settings.Sizes), RunAi: !settings.NoAi);
        var result = settings.Json
            ? bench.Run(options, null, cancellationToken)
            : AnsiConsole.Status().Start("Benchmarking…",
                status => bench.Run(options, new Progress<string>(s => status.Status(s)), cancellationToken));
        var runId = history.Append(result);
        var changes = BenchChange.Compare(result.Figures, settings.Compare ? history.Previous(runId) : null);
        if (settings.Json)
        {
            JsonOutput.Write(new { RunId = runId, result.StartedAt, result.Host, result.Devices, result.Notes,
                Figures = changes.Select(c => new { c.Now.Device, c.Now.Metric, c.Now.Size, c.Now.Value, c.Now.Unit, c.Now.PercentOfPeak,
                    c.Now.Engine, Previous = c.Before, c.ChangePercent }) });
        }
        else
        {
            BenchView.Render(AnsiConsole.Console, result, changes, settings.Compare, runId);
        }

        return 0;
    }
}
