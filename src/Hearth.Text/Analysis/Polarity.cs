namespace Hearth.Text.Analysis;

/// <summary>How a trained sentiment model's labels read as a score in −1..1: P(positive) − P(negative).</summary>
public static class Polarity
{
    private static readonly string[] Positive = ["positive", "pos", "1"];
    private static readonly string[] Negative = ["negative", "neg", "0"];

    public static ITextClassifier Check(ITextClassifier model) =>
        Indexes(model.Labels) is not null ? model
            : throw new ArgumentException($"model '{model.Name}' has labels {string.Join(", ", model.Labels)}: a sentiment model needs positive and "
                + "negative (or pos/neg, 1/0)");

    /// <summary>The score of each text.</summary>
    public static double[] Scores(ITextClassifier model, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var (positive, negative) = Indexes(model.Labels) ?? throw new ArgumentException($"model '{model.Name}' is not a sentiment model");
        return [.. model.Classify(texts, cancellationToken).Select(p => (double)p[positive] - p[negative])];
    }

    /// <summary>The score of one text from its labels' probabilities.</summary>
    public static double Score(IReadOnlyDictionary<string, double> probabilities)
    {
        var labels = probabilities.Keys.ToList();
        var (positive, negative) = Indexes(labels) ?? throw new ArgumentException($"labels {string.Join(", ", labels)} are not a sentiment's");
        return probabilities[labels[positive]] - probabilities[labels[negative]];
    }

    private static (int Positive, int Negative)? Indexes(IReadOnlyList<string> labels)
    {
        var positive = IndexOf(labels, Positive);
        var negative = IndexOf(labels, Negative);
        return positive >= 0 && negative >= 0 ? (positive, negative) : null;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string[] names) =>
        labels.ToList().FindIndex(l => names.Contains(l, StringComparer.OrdinalIgnoreCase));
}
