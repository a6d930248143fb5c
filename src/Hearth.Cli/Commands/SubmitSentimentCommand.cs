using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth submit sentiment-int8 INPUT</c>: document vectors on a CPU/GPU node, the quantised sentiment head on a
/// paired microcontroller; only nodes with such a board take the shards.
/// </summary>
internal sealed class SubmitSentimentCommand : AsyncCommand<SubmitAnalyzeCommand.SubmitSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, SubmitAnalyzeCommand.SubmitSettings settings, CancellationToken cancellationToken) =>
        SubmitAnalyzeCommand.Submit(Cluster.Jobs.JobKinds.SentimentInt8, [], settings, cancellationToken);
}
