using System.Numerics.Tensors;
using Hearth.Learning.Encoder;

namespace Hearth.Learning.Heads;

/// <summary>What a sentence head learns: one label per text, any number of labels per text, or numbers.</summary>
public enum Objective
{
    /// <summary>Softmax and cross-entropy.</summary>
    SingleLabel,

    /// <summary>A sigmoid per label and binary cross-entropy.</summary>
    MultiLabel,

    /// <summary>The outputs themselves and the mean squared error.</summary>
    Regression,
}

/// <summary>
/// A head on the whole text: the mean of the sequence's token vectors (as sentence-transformers pools) and a linear
/// layer, read by the <see cref="Objective"/>. Probabilities are divided by a <see cref="Temperature"/> fitted on dev data.
/// </summary>
public sealed class SentenceHead : IHead<int>, IHead<float[]>
{
    public SentenceHead(IReadOnlyList<string> labels, int hidden, int seed, Objective objective = Objective.SingleLabel)
    {
        (Labels, Objective) = (labels, objective);
        var random = new Random(seed);
        Weight = new Parameter("head.weight", [.. Enumerable.Range(0, hidden * labels.Count).Select(_ => (float)(BertModel.Gaussian(random) * 0.02))],
            decays: true);
        Bias = new Parameter("head.bias", new float[labels.Count], decays: false);
    }

    public IReadOnlyList<string> Labels { get; }

    public Objective Objective { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    /// <summary>Logits are divided by it before the softmax or the sigmoids (1: as trained; fitted by <c>Calibration</c>).</summary>
    public float Temperature { get; set; } = 1;

    public IEnumerable<Parameter> Parameters => [Weight, Bias];

    /// <summary>For each sequence of the pass: label probabilities, or the predicted numbers for regression.</summary>
    public float[][] Predict(BertPass pass, int hidden) => [.. Logits(pass, hidden).Select(Output)];

    /// <summary>The raw outputs of the linear layer (for calibration).</summary>
    public float[][] Logits(BertPass pass, int hidden) =>
        [.. Enumerable.Range(0, pass.Sequences.Count).Select(s => Logits(Pool(pass, s, hidden), hidden))];

    /// <summary>Probabilities (or numbers) from logits, at the head's temperature.</summary>
    public float[] Output(float[] logits)
    {
        var p = (float[])logits.Clone();
        if (Objective == Objective.Regression)
        {
            return p;
        }

        TensorPrimitives.Divide(p, Temperature, p);
        if (Objective == Objective.SingleLabel)
        {
            Activations.Softmax(p, 1, p.Length);
        }
        else
        {
            TensorPrimitives.Sigmoid(p, p);
        }

        return p;
    }

    /// <summary>The predicted label index of each sequence (single-label heads).</summary>
    public int[] PredictLabels(BertModel model, IReadOnlyList<int[]> sequences) =>
        [.. Predict(BertEncoder.Forward(model, sequences), model.Config.Hidden).Select(p => Array.IndexOf(p, p.Max()))];

    public (double Loss, float[] DOutput) Backward(BertPass pass, IReadOnlyList<int> targets, int hidden) =>
        Backward(pass, [.. targets.Select(t => Enumerable.Range(0, Labels.Count).Select(c => c == t ? 1f : 0f).ToArray())], hidden);

    /// <summary>The batch's mean loss (one-hot, 0/1 or numeric targets); accumulates the head's gradients, returns the encoder's.</summary>
    public (double Loss, float[] DOutput) Backward(BertPass pass, IReadOnlyList<float[]> targets, int hidden)
    {
        var dOutput = new float[pass.Tokens * hidden];
        var (loss, count, classes) = (0.0, pass.Sequences.Count, Labels.Count);
        for (var s = 0; s < count; s++)
        {
            var pooled = Pool(pass, s, hidden);
            var z = Logits(pooled, hidden);
            var (dz, y) = (new float[classes], targets[s]);
            for (var c = 0; c < classes; c++)
            {
                var p = Objective switch
                {
                    Objective.SingleLabel => 0, // below, from the softmax
                    Objective.MultiLabel => 1 / (1 + Math.Exp(-z[c])),
                    _ => z[c],
                };
                loss += Objective switch
                {
                    Objective.MultiLabel => -((y[c] * Math.Log(Math.Max(p, 1e-12))) + ((1 - y[c]) * Math.Log(Math.Max(1 - p, 1e-12)))),
                    Objective.Regression => (p - y[c]) * (p - y[c]) / classes,
                    _ => 0,
                };
                dz[c] = (float)(Objective == Objective.Regression ? 2 * (p - y[c]) / classes : p - y[c]);
            }

            if (Objective == Objective.SingleLabel)
            {
                Activations.Softmax(z, 1, classes);
                for (var c = 0; c < classes; c++)
                {
                    loss -= y[c] * Math.Log(Math.Max(z[c], 1e-12));
                    dz[c] = z[c] - y[c]; // dLoss/dLogits of softmax cross-entropy
                }
            }

            TensorPrimitives.Divide(dz, count, dz);
            TensorPrimitives.Add(Bias.Grad, dz, Bias.Grad);
            var dPooled = new float[hidden];
            for (var i = 0; i < hidden; i++)
            {
                TensorPrimitives.MultiplyAdd(dz, pooled[i], Weight.Grad.AsSpan(i * classes, classes), Weight.Grad.AsSpan(i * classes, classes));
                dPooled[i] = TensorPrimitives.Dot(Weight.Value.AsSpan(i * classes, classes), dz);
            }

            var tokens = pass.Sequences[s].Length;
            TensorPrimitives.Divide(dPooled, tokens, dPooled);
            for (var t = 0; t < tokens; t++)
            {
                dPooled.CopyTo(dOutput.AsSpan((pass.Offsets[s] + t) * hidden, hidden));
            }
        }

        return (loss / count, dOutput);
    }

    private static float[] Pool(BertPass pass, int s, int hidden)
    {
        var pooled = new float[hidden];
        var tokens = pass.Sequences[s].Length;
        for (var t = 0; t < tokens; t++)
        {
            TensorPrimitives.Add(pooled, pass.Output.AsSpan((pass.Offsets[s] + t) * hidden, hidden), pooled);
        }

        TensorPrimitives.Divide(pooled, tokens, pooled);
        return pooled;
    }

    /// <summary>The linear layer over a pooled vector.</summary>
    public float[] Logits(ReadOnlySpan<float> pooled, int hidden)
    {
        var logits = (float[])Bias.Value.Clone();
        for (var i = 0; i < hidden; i++)
        {
            TensorPrimitives.MultiplyAdd(Weight.Value.AsSpan(i * Labels.Count, Labels.Count), pooled[i], logits, logits);
        }

        return logits;
    }
}
