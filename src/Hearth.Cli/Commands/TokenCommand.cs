using System.ComponentModel;
using Hearth.Hardware.History;
using Hearth.Server.Security;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth token</c>: prints the node's bearer token (created on first use, stored 0600 in the Hearth home).</summary>
internal sealed class TokenCommand : Command<TokenCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--rotate")]
        [Description("Replace the token; clients using the old one are refused from then on.")]
        public bool Rotate { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var token = new NodeToken(() => HearthHome.Resolve());
        Console.Out.WriteLine(settings.Rotate ? token.Rotate() : token.Value());
        return 0;
    }
}
