using System.Globalization;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Sentiment;

/// <summary>
/// A logistic-regression head on MiniLM sentence vectors: P(positive). Trained in a second from the labelled
/// examples shipped in this repository (Models/sentiment.tsv; model card: docs/models/sentiment.md), and
/// retrainable from any examples a user brings.
/// </summary>
public sealed class SentimentModel
{
    private readonly float[] weights;
    private readonly float bias;

    private SentimentModel(float[] weights, float bias)
    {
        this.weights = weights;
        this.bias = bias;
    }

    /// <summary>The examples shipped with Hearth: (text, 1 = positive / 0 = negative).</summary>
    public static IReadOnlyList<(string Text, int Label)> ShippedExamples()
    {
        using var stream = typeof(SentimentModel).Assembly.GetManifestResourceStream("Hearth.Text.Models.sentiment.tsv")!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads "label TAB text" lines; '#' starts a comment.</summary>
    public static IReadOnlyList<(string Text, int Label)> Parse(string tsv) =>
        [.. tsv.Split('\n').Where(l => l.Length > 0 && l[0] != '#' && l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t', 2)).Select(p => (p[1].Trim(), int.Parse(p[0], CultureInfo.InvariantCulture)))];

    /// <summary>Fits the head by gradient descent with L2 regularisation (full batch: the set is small).</summary>
    public static SentimentModel Train(MiniLmEncoder encoder, IReadOnlyList<(string Text, int Label)> examples, int epochs = 500, float rate = 2f, float l2 = 1e-3f)
    {
        var x = encoder.Encode([.. examples.Select(e => e.Text)]);
        var w = new float[MiniLmEncoder.Dimensions];
        var b = 0f;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradient = new float[w.Length];
            var gradientBias = 0f;
            for (var i = 0; i < x.Length; i++)
            {
                var error = Sigmoid(Dot(w, x[i]) + b) - examples[i].Label;
                for (var d = 0; d < w.Length; d++)
                {
                    gradient[d] += error * x[i][d];
                }

                gradientBias += error;
            }

            for (var d = 0; d < w.Length; d++)
            {
                w[d] -= rate * ((gradient[d] / x.Length) + (l2 * w[d]));
            }

            b -= rate * gradientBias / x.Length;
        }

        return new SentimentModel(w, b);
    }

    /// <summary>P(positive) of a sentence vector.</summary>
    public double Positive(float[] vector) => Sigmoid(Dot(weights, vector) + bias);

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static float Sigmoid(float z) => 1 / (1 + MathF.Exp(-z));
}
