using System.ComponentModel;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Submit;

/// <summary>Where a job goes and where its results go.</summary>
internal interface ISubmitSettings
{
    string? Node { get; }

    string? Output { get; }

    bool Detach { get; }
}

/// <summary>Settings of every <c>hearth submit</c> command: where the job goes and where its results go.</summary>
internal class SubmitSettings : NodeSettings, ISubmitSettings
{
    [CommandOption("-o|--output <FILE>")]
    [Description("Where to write the JSON Lines results (default: standard output).")]
    public string? Output { get; init; }

    [CommandOption("--detach")]
    [Description("Print the job id and return at once; 'hearth jobs watch|result ID' later.")]
    public bool Detach { get; init; }
}
