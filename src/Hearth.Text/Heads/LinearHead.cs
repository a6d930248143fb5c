using System.Numerics.Tensors;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Heads;

/// <summary>
/// A softmax-regression head on MiniLM sentence vectors: K labels, trained in about a second by full-batch
/// gradient descent with L2 regularisation. The few-shot recipe that works well on good sentence embeddings
/// (as SetFit showed), small enough to retrain as often as one likes.
/// </summary>
public sealed class LinearHead
{
    private readonly float[][] weights; // one row per label
    private readonly float[] biases;

    private LinearHead(IReadOnlyList<string> labels, float[][] weights, float[] biases)
    {
        Labels = labels;
        this.weights = weights;
        this.biases = biases;
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The head's trained parameters, as shipped in Models/heads.json.</summary>
    public HeadWeights Weights => new(Labels, weights, biases);

    public static LinearHead From(HeadWeights trained) => new(trained.Labels, trained.Weights, trained.Biases);

    public static LinearHead Train(MiniLmEncoder encoder, IReadOnlyList<(string Text, string Label)> examples, int epochs = 500, float rate = 2f,
        float l2 = 1e-3f)
    {
        var labels = examples.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var x = encoder.Encode([.. examples.Select(e => e.Text)]);
        var y = examples.Select(e => labels.IndexOf(e.Label)).ToArray();
        var w = labels.Select(_ => new float[MiniLmEncoder.Dimensions]).ToArray();
        var b = new float[labels.Count];
        var head = new LinearHead(labels, w, b);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var gradient = labels.Select(_ => new float[MiniLmEncoder.Dimensions]).ToArray();
            var gradientBias = new float[labels.Count];
            for (var i = 0; i < x.Length; i++)
            {
                var p = head.Probabilities(x[i]);
                for (var k = 0; k < labels.Count; k++)
                {
                    var error = p[k] - (y[i] == k ? 1f : 0f);
                    TensorPrimitives.MultiplyAdd(x[i], error, gradient[k], gradient[k]);
                    gradientBias[k] += error;
                }
            }

            for (var k = 0; k < labels.Count; k++)
            {
                for (var d = 0; d < MiniLmEncoder.Dimensions; d++)
                {
                    w[k][d] -= rate * ((gradient[k][d] / x.Length) + (l2 * w[k][d]));
                }

                b[k] -= rate * gradientBias[k] / x.Length;
            }
        }

        return head;
    }

    /// <summary>The probability of each label (in <see cref="Labels"/> order) for a sentence vector.</summary>
    public float[] Probabilities(float[] vector)
    {
        var scores = new float[Labels.Count];
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = TensorPrimitives.Dot(weights[k], vector) + biases[k];
        }

        TensorPrimitives.SoftMax(scores, scores);
        return scores;
    }

    /// <summary>The same head in integers, for microcontrollers.</summary>
    public Int8Head ToInt8() => new(Labels, weights, biases);

    public float Probability(float[] vector, string label) => Probabilities(vector)[Labels.ToList().IndexOf(label)];
}

/// <summary>A softmax head's parameters: one row of weights and one bias per label.</summary>
public sealed record HeadWeights(IReadOnlyList<string> Labels, float[][] Weights, float[] Biases);
