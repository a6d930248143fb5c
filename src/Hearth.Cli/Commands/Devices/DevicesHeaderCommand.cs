using System.ComponentModel;
using Hearth.Text;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Devices;

/// <summary>
/// <c>hearth devices header -o DIR/weights.h</c>: the quantised sentiment head as the C header the Arduino
/// firmware is built with (<c>make -C firmware/dense WEIGHTS=DIR</c>, then flash dense.elf with avrdude).
/// </summary>
internal sealed class DevicesHeaderCommand(TextModels models) : Command<DevicesHeaderCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write weights.h (default: standard output).")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var head = models.Sentiment.ToInt8();
        var header = head.CHeader("sentiment");
        if (settings.Output is null)
        {
            Console.Out.Write(header);
        }
        else
        {
            File.WriteAllText(settings.Output, header);
            Console.Error.WriteLine($"hearth: wrote {settings.Output} (firmware hash {head.Hash:x8}); build with: make -C firmware/dense "
                + $"WEIGHTS={Path.GetDirectoryName(Path.GetFullPath(settings.Output))}");
        }

        return ExitCodes.Ok;
    }
}
