using System.ComponentModel;
using Hearth.Cluster.Jobs;
using Hearth.Text.Analysis;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Submit;

/// <summary>
/// <c>hearth submit analyze INPUT -o OUT</c>: <c>hearth analyze</c> over the cluster. The local node splits the
/// documents into shards, its workers and every other node's take them, and the output is the same as a local run.
/// </summary>
internal sealed class SubmitAnalyzeCommand : AsyncCommand<SubmitAnalyzeCommand.Settings>
{
    internal sealed class Settings : DocumentsSettings
    {
        [CommandOption("--features <LIST>")]
        [Description("As for 'hearth analyze' (default: all).")]
        public string? Features { get; init; }

        [CommandOption("--model <FEATURE=NAME>")]
        [Description("As for 'hearth analyze': a model trained with 'hearth submit train' (every node has it), e.g. sentiment=reviews.")]
        public string[] Models { get; init; } = [];
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        JobSubmission.RunAsync(new JobRequest(JobKind.Analyze, Feature.Parse(settings.Features), JobSubmission.Read(settings.Input),
            Models: settings.Models), settings, cancellationToken);
}
