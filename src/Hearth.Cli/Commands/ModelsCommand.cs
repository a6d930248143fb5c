using Hearth.Text;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth models</c>: the model cards: what each model is, what it was trained on, its measured quality.</summary>
internal sealed class ModelsCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        Console.Out.Write(TextModels.ModelCards());
        return 0;
    }
}
