using Hearth.Learning.Encoder;

namespace Hearth.Learning.Training;

/// <summary>
/// AdamW (decoupled weight decay) with linear warm-up then linear decay to zero, and clipping of the global gradient
/// norm, as Hugging Face's Trainer does by default.
/// </summary>
public sealed class AdamW(IReadOnlyList<Parameter> parameters, double learningRate, int totalSteps, double warmup = 0.1,
    double weightDecay = 0.01, double maxNorm = 1.0)
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private const int Chunk = 1 << 16;
    private readonly Dictionary<Parameter, (float[] M, float[] V)> moments = parameters.Where(p => p.Trainable)
        .ToDictionary(p => p, p => (new float[p.Value.Length], new float[p.Value.Length]));

    public int Step { get; private set; }

    /// <summary>The learning rate of the next step.</summary>
    public double Rate
    {
        get
        {
            var warm = Math.Max(1, (int)(totalSteps * warmup));
            return learningRate * (Step < warm ? (Step + 1.0) / warm : Math.Max(0, (totalSteps - Step) / (double)Math.Max(1, totalSteps - warm)));
        }
    }

    /// <summary>The moments, for a checkpoint.</summary>
    internal IReadOnlyDictionary<Parameter, (float[] M, float[] V)> Moments => moments;

    /// <summary>Restores the step count after a checkpoint.</summary>
    internal void Restore(int step) => Step = step;

    /// <summary>Updates every trainable parameter from its gradient, then clears the gradients; returns the gradient norm before clipping.</summary>
    public double Update()
    {
        var norm = Math.Sqrt(moments.Keys.Sum(p => (double)System.Numerics.Tensors.TensorPrimitives.SumOfSquares(p.Grad)));
        var clip = (float)(norm > maxNorm ? maxNorm / norm : 1);
        var rate = (float)Rate;
        Step++;
        var (correction1, correction2) = ((float)(1 - Math.Pow(Beta1, Step)), (float)(1 - Math.Pow(Beta2, Step)));
        foreach (var (p, (m, v)) in moments)
        {
            var decay = (float)(p.Decays ? weightDecay : 0);
            // Element by element, independent: chunks on every core (the embeddings alone are 11.7 million values).
            Parallel.For(0, (p.Value.Length + Chunk - 1) / Chunk, c =>
            {
                var (value, grad) = (p.Value, p.Grad);
                for (var i = c * Chunk; i < Math.Min(value.Length, (c + 1) * Chunk); i++)
                {
                    var g = grad[i] * clip;
                    m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g);
                    v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g * g);
                    var update = m[i] / correction1 / (MathF.Sqrt(v[i] / correction2) + Epsilon);
                    value[i] -= rate * (update + (decay * value[i]));
                }
            });
            Array.Clear(p.Grad);
        }

        return norm;
    }
}
