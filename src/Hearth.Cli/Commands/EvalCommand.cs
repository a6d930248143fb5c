using System.ComponentModel;
using Hearth.Cli.Output;
using Hearth.Hardware.Ai;
using Hearth.Hardware.History;
using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Text.Embeddings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary><c>hearth eval MODEL --data FILE</c>: accuracy, per-class precision/recall/F1, the confusion table and the worst errors.</summary>
internal sealed class EvalCommand : Command<EvalCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("A model trained with 'hearth train' ('hearth models' lists them).")]
        public string Model { get; init; } = "";

        [CommandOption("--data <FILE>")]
        [Description("Data in the model's training format: TSV 'LABEL<TAB>TEXT' or JSON Lines for classifiers, CoNLL or CoNLL-U for taggers.")]
        public string Data { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the report as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => Data.Length == 0 ? ValidationResult.Error("give the data to score: --data FILE")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var home = HearthHome.Resolve();
        try
        {
            var store = new ModelStore(home);
            using var encoder = new MiniLmEncoder(ExecutionProviders.Cpu, Path.Combine(home, "cache"));
            if (store.Card(settings.Model).TagsWords)
            {
                var (model, tagger, card) = store.LoadTagger(settings.Model);
                var report = TaggingEvaluation.Evaluate(model, tagger, new WordPieces(encoder.Tokenize),
                    TaggedSentences.Read(settings.Data, bio: card.Task == "ner"), cancellationToken);
                Write(settings.Json, report, () => Print(card, report));
            }
            else
            {
                var (model, head, card) = store.LoadSentenceModel(settings.Model);
                var report = ClassifierEvaluation.Evaluate(model, head, text => [.. encoder.Tokenize(text).Select(id => (int)id)],
                    LabelledTexts.Read(settings.Data, requireTwoLabels: false), cancellationToken);
                Write(settings.Json, report.Classes ?? report.Labels ?? (object?)report.Numbers, () => Print(card, report));
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is DataFileException or ModelFileException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }
    }

    private static void Write<T>(bool json, T report, Action print)
    {
        if (json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            print();
        }
    }

    private static void Print(ModelCard card, TaggingReport report)
    {
        var summary = report.IsEntities
            ? $"entity precision {report.Precision:F3}, recall {report.Recall:F3}, F1 {report.F1:F3} (exact spans, as conlleval); word accuracy "
                + $"{report.Accuracy:F3}"
            : $"accuracy {report.Accuracy:F3}, macro-F1 {report.F1:F3}";
        var counts = $"{report.Sentences} sentences, {report.Words} words";
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{card.Name}[/] ({card.Task}, {card.Base}, {card.Trained}): {counts}, {summary}");
        Scores(report.IsEntities ? "entity type" : "tag", report.Types);
        Worst(report.WorstErrors, report.IsEntities ? "the sentences with the most wrong entities:" : "the most confident errors:",
            report.IsEntities ? "wrong" : "confidence");
    }

    private static void Scores(string title, IReadOnlyList<ClassScore> classes)
    {
        var scores = new Table().AddColumns(title, "precision", "recall", "F1", "support");
        foreach (var c in classes)
        {
            scores.AddRow(c.Label.EscapeMarkup(), $"{c.Precision:F3}", $"{c.Recall:F3}", $"{c.F1:F3}", $"{c.Support}");
        }

        AnsiConsole.Write(scores);
    }

    private static void Worst(IReadOnlyList<Miss> misses, string title, string measure = "confidence")
    {
        if (misses.Count == 0)
        {
            return;
        }

        var worst = new Table().AddColumns("expected", "predicted", measure, "text");
        foreach (var miss in misses)
        {
            var text = miss.Text.Length > 100 ? miss.Text[..100] + "…" : miss.Text;
            var how = measure == "wrong" ? $"{miss.Confidence}" : $"{miss.Confidence:F2}";
            worst.AddRow(miss.Expected.EscapeMarkup(), miss.Predicted.EscapeMarkup(), how, text.EscapeMarkup());
        }

        AnsiConsole.WriteLine(title);
        AnsiConsole.Write(worst);
    }

    private static void Print(ModelCard card, SentenceReport report)
    {
        var examples = report.Classes?.Examples ?? report.Labels?.Examples ?? report.Numbers!.Examples;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]{card.Name}[/] ({card.Task}, {card.Base}, {card.Trained}): {examples} examples, {report.Summary}");
        if (report.Classes is { } classes)
        {
            Print(classes);
        }
        else if (report.Labels is { } labels)
        {
            Scores("label", labels.Classes);
            Worst(labels.WorstErrors, "the texts with the most wrong labels:", "wrong");
        }
        else
        {
            var targets = new Table().AddColumns("target", "Pearson r", "mean absolute error", "root mean squared error");
            foreach (var t in report.Numbers!.Targets)
            {
                targets.AddRow(t.Name.EscapeMarkup(), $"{t.Pearson:F3}", $"{t.MeanAbsoluteError:F3}", $"{t.RootMeanSquaredError:F3}");
            }

            AnsiConsole.Write(targets);
            Worst(report.Numbers.WorstErrors, "the texts furthest from their numbers:", "error");
        }
    }

    private static void Print(ClassificationReport report)
    {
        Scores("label", report.Classes);
        var confusion = new Table().AddColumn("expected ↓ predicted →");
        foreach (var label in report.Labels)
        {
            confusion.AddColumn(label.EscapeMarkup());
        }

        for (var r = 0; r < report.Labels.Count; r++)
        {
            confusion.AddRow([report.Labels[r].EscapeMarkup(), .. report.Confusion[r].Select(n => $"{n}")]);
        }

        AnsiConsole.Write(confusion);
        Worst(report.WorstErrors, $"the {report.WorstErrors.Count} most confident errors:");
    }
}
