using System.ComponentModel;
using Hearth.Cli.Infrastructure;
using Hearth.Cli.Output;
using Hearth.Hardware.Doctor;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth jobs watch ID</c>: a cluster job's progress until it ends.</summary>
internal sealed class JobsWatchCommand : AsyncCommand<JobsWatchCommand.Settings>
{
    internal class Settings : JobsListCommand.Settings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The job id that 'hearth submit' printed.")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var progress = await JobFollower.Follow(node, settings.Id, cancellationToken).ConfigureAwait(false);
        return progress.State == "done" ? ExitCodes.Ok : ExitCodes.JobFailed;
    }
}
