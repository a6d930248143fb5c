using System.ComponentModel;
using Hearth.Cli.Infrastructure;
using Hearth.Hardware.Doctor;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth jobs list</c>: the cluster jobs the node coordinates, newest first.</summary>
internal sealed class JobsListCommand : AsyncCommand<JobsListCommand.Settings>
{
    internal class Settings : CommandSettings
    {
        [CommandOption("--node <URL>")]
        [Description("The node that coordinates the jobs (default http://127.0.0.1:7310).")]
        public string? Node { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var table = new Table().AddColumns("job", "kind", "state", "documents", "shards", "retries", "by node", "created");
        foreach (var job in await node.List(cancellationToken).ConfigureAwait(false))
        {
            table.AddRow(job.Id, job.Kind, job.State, $"{job.Documents}", $"{job.ShardsDone}/{job.Shards}", $"{job.Retries}",
                string.Join(", ", job.ShardsByNode.Select(n => $"{n.Key} {n.Value}")), $"{job.Created.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
