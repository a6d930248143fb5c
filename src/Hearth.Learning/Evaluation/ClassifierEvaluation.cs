using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;

namespace Hearth.Learning.Evaluation;

/// <summary>How a sentence head did on labelled texts: one of the three reports, by its objective.</summary>
public sealed record SentenceReport(ClassificationReport? Classes, MultiLabelReport? Labels, RegressionReport? Numbers, double? EceBefore = null,
    double? Ece = null)
{
    /// <summary>The figure the best epoch is kept by: macro-F1, or the mean Pearson r for regression.</summary>
    public double Headline => Numbers?.MeanPearson ?? Labels?.MacroF1 ?? Classes!.MacroF1;

    public string Summary => Numbers is { } n
        ? $"mean Pearson r {n.MeanPearson:F3} ({string.Join(", ", n.Targets.Select(t => $"{t.Name} {t.Pearson:F3}"))})"
        : Labels is { } l ? $"micro-F1 {l.MicroF1:F3}, macro-F1 {l.MacroF1:F3}, exact match {l.ExactMatch:F3}"
        : $"accuracy {Classes!.Accuracy:F3}, macro-F1 {Classes.MacroF1:F3}" + (Ece is null ? "" : $", calibration error {EceBefore:F3} → {Ece:F3}");
}

/// <summary>Runs a sentence head over labelled texts on the engine and scores it.</summary>
public static class ClassifierEvaluation
{
    private const int Batch = 32;

    /// <summary>The head's logits for each text.</summary>
    public static float[][] Logits(BertModel model, SentenceHead head, Func<string, int[]> tokenize, IReadOnlyList<string> texts,
        CancellationToken cancellationToken = default) =>
        [.. texts.Chunk(Batch).SelectMany(batch =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return head.Logits(BertEncoder.Forward(model, [.. batch.Select(tokenize)]), model.Config.Hidden);
        })];

    /// <summary>What the head learns from an example: one-hot, 0/1 per label, or the numbers.</summary>
    public static float[] Target(SentenceHead head, LabelledText example) => head.Objective == Objective.Regression
        ? [.. example.Labels.Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture))]
        : [.. head.Labels.Select(l => (head.Objective == Objective.SingleLabel ? example.Label == l : example.Labels.Contains(l)) ? 1f : 0f)];

    /// <summary>Checks that the examples fit the head: known labels, or as many numbers as it predicts.</summary>
    public static void Check(SentenceHead head, IReadOnlyList<LabelledText> examples)
    {
        if (head.Objective == Objective.Regression)
        {
            var wrong = examples.FirstOrDefault(e => e.Labels.Length != head.Labels.Count
                || e.Labels.Any(v => !double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _)));
            if (wrong is not null)
            {
                throw new DataFileException($"'{wrong.Label}' is not {head.Labels.Count} numbers ({string.Join(", ", head.Labels)}) for: "
                    + DataFile.Shorten(wrong.Text));
            }

            return;
        }

        var known = examples.SelectMany(e => head.Objective == Objective.SingleLabel ? [e.Label] : e.Labels).Distinct();
        var unknown = known.Where(l => !head.Labels.Contains(l)).ToList();
        if (unknown.Count > 0)
        {
            throw new DataFileException($"labels the model does not know: {string.Join(", ", unknown)} (it knows {string.Join(", ", head.Labels)})");
        }
    }

    public static SentenceReport Evaluate(BertModel model, SentenceHead head, Func<string, int[]> tokenize, IReadOnlyList<LabelledText> examples,
        CancellationToken cancellationToken = default)
    {
        Check(head, examples);
        return Score(head, examples, Logits(model, head, tokenize, [.. examples.Select(e => e.Text)], cancellationToken));
    }

    /// <summary>The report of checked examples from the head's logits for them, at the head's temperature.</summary>
    public static SentenceReport Score(SentenceHead head, IReadOnlyList<LabelledText> examples, IReadOnlyList<float[]> logits)
    {
        var outputs = logits.Select(head.Output).ToList();
        return head.Objective switch
        {
            Objective.Regression => new SentenceReport(null, null, RegressionReport.Score(head.Labels,
                [.. examples.Select((e, i) => (e.Text, Target(head, e), outputs[i]))])),
            Objective.MultiLabel => new SentenceReport(null, MultiLabelReport.Score(head.Labels,
                [.. examples.Select((e, i) => (e.Text, e.Labels, outputs[i]))]), null),
            _ => new SentenceReport(ClassificationReport.Score(head.Labels, [.. examples.Select((e, i) =>
            {
                var best = Array.IndexOf(outputs[i], outputs[i].Max());
                return (e.Text, e.Label, head.Labels[best], (double)outputs[i][best]);
            })]), null, null, Ece: Calibration.ExpectedError(outputs, [.. examples.Select(e => head.Labels.ToList().IndexOf(e.Label))])),
        };
    }
}
