using Hearth.Cli.Infrastructure;
using Hearth.Cli.Output;
using Hearth.Cluster.Jobs;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Jobs;

/// <summary><c>hearth jobs watch ID</c>: a cluster job's progress until it ends.</summary>
internal sealed class JobsWatchCommand : AsyncCommand<JobIdSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, JobIdSettings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var progress = await JobFollower.FollowAsync(node, settings.Id, cancellationToken).ConfigureAwait(false);
        return progress is null ? ExitCodes.NodeLost : progress.State == JobState.Done ? ExitCodes.Ok : ExitCodes.JobFailed;
    }
}
