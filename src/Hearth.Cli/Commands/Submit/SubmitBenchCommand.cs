using System.ComponentModel;
using Hearth.Cluster.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Submit;

/// <summary>
/// <c>hearth submit bench</c>: <c>hearth bench</c> on every node of the cluster, one line of figures per node; each
/// node keeps the run in its history, so the throughput it advertises is fresh.
/// </summary>
internal sealed class SubmitBenchCommand : AsyncCommand<SubmitBenchCommand.Settings>
{
    internal sealed class Settings : SubmitSettings
    {
        [CommandOption("--sizes <LIST>")]
        [Description(BenchSizes.Description)]
        public string? Sizes { get; init; }

        [CommandOption("--no-ai")]
        [Description("Skip the embedding model.")]
        public bool NoAi { get; init; }

        public override ValidationResult Validate() => BenchSizes.Validate(Sizes);
    }

    /// <summary>The node names one document per node that runs benchmarks; the request says what each measures.</summary>
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        JobSubmission.RunAsync(new JobRequest(JobKind.Bench, [], [], new BenchRequest(BenchSizes.ParseOrDefault(settings.Sizes), Ai: !settings.NoAi)),
            settings, cancellationToken);
}
