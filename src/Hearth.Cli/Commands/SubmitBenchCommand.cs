using System.ComponentModel;
using System.Text.Json;
using Hearth.Cluster.Jobs;
using Hearth.Hardware;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth submit bench</c>: <c>hearth bench</c> on every node of the cluster, one line of figures per node; each
/// node keeps the run in its history, so the throughput it advertises is fresh.
/// </summary>
internal sealed class SubmitBenchCommand : AsyncCommand<SubmitBenchCommand.Settings>
{
    internal sealed class Settings : SubmitAnalyzeCommand.JobSettings
    {
        [CommandOption("--sizes <LIST>")]
        [Description("SGEMM sizes N, comma-separated (default 256,512,1024,2048,4096).")]
        public string? Sizes { get; init; }

        [CommandOption("--no-ai")]
        [Description("Skip the embedding model.")]
        public bool NoAi { get; init; }

        public override ValidationResult Validate() => BenchCommand.ValidateSizes(Sizes);
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var what = JsonSerializer.Serialize(new { sizes = BenchCommand.ParseSizes(settings.Sizes), ai = !settings.NoAi }, HearthJson.Compact);
        return SubmitAnalyzeCommand.Submit(new JobRequest(JobKinds.Bench, [], [new JobDocument("every node", what)]), settings, cancellationToken);
    }
}
