using System.ComponentModel;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands.Submit;

/// <summary>Settings of the <c>hearth submit</c> commands that run over documents.</summary>
internal class DocumentsSettings : SubmitSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("A .txt, .md, .html or .jsonl file, or a directory of them.")]
    public string Input { get; init; } = "";
}
