using System.Numerics.Tensors;

namespace Hearth.Learning.Encoder;

/// <summary>
/// Low-rank adapters (LoRA, Hu et al. 2021) on every layer's query and value matrices: W = W₀ + (α/r)·A·B with A (in × r)
/// random and B (r × out) zero at the start, so training begins from the base model. Only A and B are trained (a few
/// hundred kilobytes per model); the engine computes dW of the adapted matrices and the chain rule gives dA = s·dW·Bᵀ and
/// dB = s·Aᵀ·dW. <see cref="Apply"/> writes W₀ + s·A·B into the matrices, which is also what ONNX Runtime then serves.
/// </summary>
public sealed class LoraAdapters
{
    private readonly List<(Parameter Matrix, float[] Base, Parameter A, Parameter B)> adapted = [];

    internal LoraAdapters(BertModel model, int rank, int seed)
    {
        Rank = rank;
        var random = new Random(seed);
        var h = model.Config.Hidden;
        foreach (var matrix in model.Layers.SelectMany(l => new[] { l.Query, l.Value }))
        {
            var name = matrix.Name.Replace(".matrix", "", StringComparison.Ordinal);
            var a = new Parameter(name + ".lora_a",
                [.. Enumerable.Range(0, h * rank).Select(_ => (float)(BertModel.Gaussian(random) / Math.Sqrt(h)))], decays: false);
            var b = new Parameter(name + ".lora_b", new float[rank * h], decays: false);
            (matrix.Trainable, matrix.Adapted) = (false, true);
            adapted.Add((matrix, (float[])matrix.Value.Clone(), a, b));
        }
    }

    public int Rank { get; }

    /// <summary>α/r, with α = 2r as is common: the adapters' product is doubled.</summary>
    public const float Scale = 2;

    public IEnumerable<Parameter> Parameters => adapted.SelectMany(x => new[] { x.A, x.B });

    /// <summary>Writes W₀ + s·A·B into every adapted matrix.</summary>
    public void Apply()
    {
        foreach (var (matrix, w0, a, b) in adapted)
        {
            var (inputs, outputs) = (w0.Length / (b.Value.Length / Rank), b.Value.Length / Rank);
            w0.CopyTo(matrix.Value, 0);
            for (var i = 0; i < inputs; i++)
            {
                var row = matrix.Value.AsSpan(i * outputs, outputs);
                for (var k = 0; k < Rank; k++)
                {
                    TensorPrimitives.MultiplyAdd(b.Value.AsSpan(k * outputs, outputs), Scale * a.Value[(i * Rank) + k], row, row);
                }
            }
        }
    }

    /// <summary>Turns the adapted matrices' gradients into the adapters' (dA = s·dW·Bᵀ, dB = s·Aᵀ·dW) and clears them.</summary>
    public void Backpropagate()
    {
        foreach (var (matrix, _, a, b) in adapted)
        {
            var outputs = b.Value.Length / Rank;
            var inputs = matrix.Grad.Length / outputs;
            for (var i = 0; i < inputs; i++)
            {
                var dw = matrix.Grad.AsSpan(i * outputs, outputs);
                for (var k = 0; k < Rank; k++)
                {
                    a.Grad[(i * Rank) + k] += Scale * TensorPrimitives.Dot(dw, b.Value.AsSpan(k * outputs, outputs));
                    TensorPrimitives.MultiplyAdd(dw, Scale * a.Value[(i * Rank) + k], b.Grad.AsSpan(k * outputs, outputs),
                        b.Grad.AsSpan(k * outputs, outputs));
                }
            }

            Array.Clear(matrix.Grad);
        }
    }
}
