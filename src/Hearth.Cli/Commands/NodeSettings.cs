using System.ComponentModel;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>Settings of every command that talks to a running node.</summary>
internal class NodeSettings : CommandSettings
{
    [CommandOption("--node <URL>")]
    [Description("The node to talk to (default http://127.0.0.1:7310; HEARTH_TOKEN holds a remote node's token).")]
    public string? Node { get; init; }
}
