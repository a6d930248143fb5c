using Hearth.Cluster.Jobs;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Submit;

/// <summary>
/// <c>hearth submit sentiment-int8 INPUT</c>: document vectors on a CPU/GPU node, the quantised sentiment head on a
/// paired microcontroller; only nodes with such a board take the shards.
/// </summary>
internal sealed class SubmitSentimentCommand : AsyncCommand<DocumentsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DocumentsSettings settings, CancellationToken cancellationToken) =>
        JobSubmission.RunAsync(new JobRequest(JobKind.SentimentInt8, [], JobSubmission.Read(settings.Input)), settings, cancellationToken);
}
