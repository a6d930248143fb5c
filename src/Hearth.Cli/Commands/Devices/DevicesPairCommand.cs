using System.ComponentModel;
using Hearth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Devices;

/// <summary><c>hearth devices pair NAME</c>: lets an attached board get work.</summary>
internal sealed class DevicesPairCommand : AsyncCommand<DevicesPairCommand.Settings>
{
    internal sealed class Settings : NodeSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The device's name, as 'hearth devices list' shows it.")]
        public string Name { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var node = new NodeClient(settings.Node);
        var state = await node.PairAsync(settings.Name, cancellationToken).ConfigureAwait(false);
        Console.Out.WriteLine($"{state.Name}: {state.State} ({state.Hello?.Board}, firmware {state.Hello?.FirmwareHash:x8})");
        return ExitCodes.Ok;
    }
}
