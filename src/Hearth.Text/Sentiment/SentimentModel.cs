using System.Globalization;
using Hearth.Text.Embeddings;
using Hearth.Text.Heads;

namespace Hearth.Text.Sentiment;

/// <summary>
/// P(positive) from a <see cref="LinearHead"/> on MiniLM sentence vectors, trained from the labelled examples
/// shipped in this repository (Models/sentiment.tsv; model card: docs/models/README.md) or from a user's own.
/// </summary>
public sealed class SentimentModel
{
    private readonly LinearHead head;

    private SentimentModel(LinearHead head) => this.head = head;

    /// <summary>The examples shipped with Hearth: (text, 1 = positive / 0 = negative).</summary>
    public static IReadOnlyList<(string Text, int Label)> ShippedExamples() =>
        [.. Resources.Examples("sentiment.tsv").Select(e => (e.Text, int.Parse(e.Label, CultureInfo.InvariantCulture)))];

    /// <summary>Reads "label TAB text" lines with 0/1 labels; '#' starts a comment.</summary>
    public static IReadOnlyList<(string Text, int Label)> Parse(string tsv) =>
        [.. Resources.Parse(tsv).Select(e => (e.Text, int.Parse(e.Label, CultureInfo.InvariantCulture)))];

    /// <summary>The head's trained parameters (labels "0" negative, "1" positive).</summary>
    public HeadWeights Weights => head.Weights;

    public static SentimentModel From(HeadWeights trained) => new(LinearHead.From(trained));

    public static SentimentModel Train(MiniLmEncoder encoder, IReadOnlyList<(string Text, int Label)> examples) =>
        new(LinearHead.Train(encoder, [.. examples.Select(e => (e.Text, e.Label.ToString(CultureInfo.InvariantCulture)))]));

    /// <summary>The head in integers (labels "0" negative, "1" positive), for a microcontroller.</summary>
    public Int8Head ToInt8() => head.ToInt8();

    /// <summary>P(positive) of a sentence vector.</summary>
    public double Positive(float[] vector) => head.Probability(vector, "1");
}
