using System.ComponentModel;
using Hearth.Cli.Infrastructure;
using Hearth.Hardware.Doctor;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth jobs result ID [-o FILE]</c>: a finished cluster job's JSON Lines.</summary>
internal sealed class JobsResultCommand : AsyncCommand<JobsResultCommand.Settings>
{
    internal sealed class Settings : JobsWatchCommand.Settings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the JSON Lines results (default: standard output).")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        await Write(node, settings.Id, settings.Output, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Writes the lines to a file (whole or not at all: through a temporary file) or to standard output.</summary>
    public static async Task Write(NodeClient node, string id, string? output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                await node.Result(id, stdout, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var partial = output + ".partial";
        var file = File.Create(partial);
        await using (file.ConfigureAwait(false))
        {
            await node.Result(id, file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, output, overwrite: true);
    }
}
