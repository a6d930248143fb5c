using System.ComponentModel;
using Hearth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Jobs;

/// <summary><c>hearth jobs result ID [-o FILE]</c>: a finished cluster job's JSON Lines.</summary>
internal sealed class JobsResultCommand : AsyncCommand<JobsResultCommand.Settings>
{
    internal sealed class Settings : JobIdSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the JSON Lines results (default: standard output).")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        await node.WriteResultAsync(settings.Id, settings.Output, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
