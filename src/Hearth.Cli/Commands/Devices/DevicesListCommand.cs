using Hearth.Cli.Infrastructure;
using Hearth.Cluster.Devices;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Devices;

/// <summary><c>hearth devices list</c>: the microcontrollers attached to the node.</summary>
internal sealed class DevicesListCommand : AsyncCommand<NodeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NodeSettings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var table = new Table().AddColumns("device", "state", "board", "RAM", "layer", "firmware", "retries", "problems");
        foreach (var d in await node.DevicesAsync(cancellationToken).ConfigureAwait(false))
        {
            var h = d.Hello;
            table.AddRow(Markup.Escape(d.Name), d.State, Markup.Escape(h is null ? "?" : DeviceHello.Printable(h.Board)), $"{h?.RamBytes}",
                h is null ? "" : $"{string.Join(", ", h.Operations)} {h.InputSize}→{h.OutputSize} ×{h.MaxBatch}", h is null ? ""
                    : $"{h.FirmwareHash:x8}",
                $"{d.Retries} ({d.BadFrames} bad frames)", Markup.Escape(string.Join("; ", d.Problems)));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
