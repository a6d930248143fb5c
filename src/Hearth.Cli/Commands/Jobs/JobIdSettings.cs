using System.ComponentModel;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Jobs;

/// <summary>Settings of the commands about one cluster job.</summary>
internal class JobIdSettings : NodeSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The job id that 'hearth submit' printed.")]
    public string Id { get; init; } = "";
}
