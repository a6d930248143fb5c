using Hearth.Hardware.History;
using Hearth.Learning.Models;
using Hearth.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth models</c>: the built-in models' cards (what each is, what it was trained on, its measured quality), then
/// the models trained here with <c>hearth train</c>.
/// </summary>
internal sealed class ModelsCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        Console.Out.Write(TextModels.ModelCards());
        var store = new ModelStore(HearthHome.Resolve());
        var table = new Table().AddColumns("model", "task", "labels", "trained", "data (SHA-256)", "examples", "dev figure", "temperature", "size",
            "created");
        foreach (var name in store.Names())
        {
            try
            {
                var c = store.Card(name);
                var trained = c.AdapterRank > 0 ? $"adapters (rank {c.AdapterRank})" : $"top {c.TrainedLayers} layers";
                var labels = c.Labels.Count > 6 ? $"{string.Join(", ", c.Labels.Take(6))}… ({c.Labels.Count})" : string.Join(", ", c.Labels);
                var data = $"{c.DataFile} ({c.DataSha256[..Math.Min(12, c.DataSha256.Length)]})";
                table.AddRow(c.Name.EscapeMarkup(), c.Task, labels.EscapeMarkup(), trained, data.EscapeMarkup(), $"{c.Examples:N0}",
                    c.DevScore is { } score ? $"{c.DevMeasure} {score:F3}" : "", $"{c.Temperature:F2}", $"{c.WeightsBytes / 1e6:F1} MB",
                    $"{c.Created:yyyy-MM-dd HH:mm}");
            }
            catch (ModelFileException e)
            {
                table.AddRow(name.EscapeMarkup(), "[red]unreadable[/]", e.Message.EscapeMarkup(), "", "", "", "", "", "", "");
            }
        }

        AnsiConsole.MarkupLineInterpolated($"\nModels trained on this machine ({store.Root}; 'hearth train' makes them):");
        AnsiConsole.Write(table);
        return 0;
    }
}
