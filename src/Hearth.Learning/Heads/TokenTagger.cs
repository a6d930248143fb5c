using System.Numerics.Tensors;
using Hearth.Learning.Encoder;

namespace Hearth.Learning.Heads;

/// <summary>A sentence as the tagger reads it: each word's first piece in the token sequence, its shape features, its tag (−1: none).</summary>
public sealed record TaggedWords(int[] FirstPieces, int[] Features, int[] Tags);

/// <summary>
/// Tags words (BIO entity tags or parts of speech): the encoder's vector of each word's first piece and the word's
/// shape features (<see cref="WordShape"/>), a linear layer, softmax and cross-entropy over the words.
/// </summary>
public sealed class TokenTagger : IHead<TaggedWords>
{
    public TokenTagger(IReadOnlyList<string> labels, int hidden, int seed)
    {
        Labels = labels;
        var random = new Random(seed);
        Weight = new Parameter("tagger.weight",
            [.. Enumerable.Range(0, hidden * labels.Count).Select(_ => (float)(BertModel.Gaussian(random) * 0.02))], decays: true);
        Shape = new Parameter("tagger.shape", new float[WordShape.Features * labels.Count], decays: false);
        Bias = new Parameter("tagger.bias", new float[labels.Count], decays: false);
    }

    public IReadOnlyList<string> Labels { get; }

    public Parameter Weight { get; }

    public Parameter Shape { get; }

    public Parameter Bias { get; }

    public IEnumerable<Parameter> Parameters => [Weight, Shape, Bias];

    /// <summary>The log-probability of each tag for each word of one sequence, from the sequence's hidden states (tokens × hidden).</summary>
    public float[][] LogProbabilities(ReadOnlySpan<float> states, TaggedWords words, int hidden)
    {
        var result = new float[words.FirstPieces.Length][];
        for (var w = 0; w < result.Length; w++)
        {
            var p = Logits(states.Slice(words.FirstPieces[w] * hidden, hidden), words.Features.AsSpan(3 * w, 3), hidden);
            Activations.Softmax(p, 1, p.Length);
            for (var c = 0; c < p.Length; c++)
            {
                p[c] = MathF.Log(Math.Max(p[c], 1e-30f));
            }

            result[w] = p;
        }

        return result;
    }

    public (double Loss, float[] DOutput) Backward(BertPass pass, IReadOnlyList<TaggedWords> targets, int hidden)
    {
        var dOutput = new float[pass.Tokens * hidden];
        var count = Math.Max(1, targets.Sum(t => t.Tags.Count(tag => tag >= 0)));
        var (loss, classes) = (0.0, Labels.Count);
        for (var s = 0; s < targets.Count; s++)
        {
            var words = targets[s];
            for (var w = 0; w < words.FirstPieces.Length; w++)
            {
                if (words.Tags[w] < 0)
                {
                    continue;
                }

                var row = (pass.Offsets[s] + words.FirstPieces[w]) * hidden;
                var state = pass.Output.AsSpan(row, hidden);
                var features = words.Features.AsSpan(3 * w, 3);
                var p = Logits(state, features, hidden);
                Activations.Softmax(p, 1, classes);
                loss -= Math.Log(Math.Max(p[words.Tags[w]], 1e-12));
                p[words.Tags[w]] -= 1;
                TensorPrimitives.Divide(p, count, p);
                TensorPrimitives.Add(Bias.Grad, p, Bias.Grad);
                foreach (var f in features)
                {
                    TensorPrimitives.Add(Shape.Grad.AsSpan(f * classes, classes), p, Shape.Grad.AsSpan(f * classes, classes));
                }

                var dState = dOutput.AsSpan(row, hidden);
                for (var i = 0; i < hidden; i++)
                {
                    TensorPrimitives.MultiplyAdd(p, state[i], Weight.Grad.AsSpan(i * classes, classes), Weight.Grad.AsSpan(i * classes, classes));
                    dState[i] += TensorPrimitives.Dot(Weight.Value.AsSpan(i * classes, classes), p);
                }
            }
        }

        return (loss / count, dOutput);
    }

    private float[] Logits(ReadOnlySpan<float> state, ReadOnlySpan<int> features, int hidden)
    {
        var classes = Labels.Count;
        var logits = (float[])Bias.Value.Clone();
        foreach (var f in features)
        {
            TensorPrimitives.Add(logits, Shape.Value.AsSpan(f * classes, classes), logits);
        }

        for (var i = 0; i < hidden; i++)
        {
            TensorPrimitives.MultiplyAdd(Weight.Value.AsSpan(i * classes, classes), state[i], logits, logits);
        }

        return logits;
    }
}
