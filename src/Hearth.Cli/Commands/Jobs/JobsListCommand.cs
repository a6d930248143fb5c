using Hearth.Cli.Infrastructure;
using Hearth.Cluster.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Jobs;

/// <summary><c>hearth jobs list</c>: the cluster jobs the node coordinates, newest first.</summary>
internal sealed class JobsListCommand : AsyncCommand<NodeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NodeSettings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var table = new Table().AddColumns("job", "kind", "state", "documents", "shards", "retries", "by node", "created");
        foreach (var job in await node.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            table.AddRow(job.Id, job.Kind.Name(), job.State.Name(), $"{job.Documents}", $"{job.ShardsDone}/{job.Shards}", $"{job.Retries}",
                string.Join(", ", job.ShardsByNode.Select(n => $"{n.Key} {n.Value}")), $"{job.Created.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
