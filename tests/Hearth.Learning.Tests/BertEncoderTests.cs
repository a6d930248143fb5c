using Hearth.Learning.Encoder;
using Hearth.Text.Embeddings;

namespace Hearth.Learning.Tests;

/// <summary>The engine's encoder against ONNX Runtime's, and its gradients against finite differences.</summary>
public sealed class BertEncoderTests
{
    private static readonly Lazy<BertModel> MiniLm =
        new(() => BertModel.FromOnnx(OnnxInitializers.Read(MiniLmEncoder.ModelBytes()), BertConfig.MiniLm));

    [Fact]
    public void The_forward_pass_matches_onnx_runtimes_last_hidden_state()
    {
        string[] texts = ["Anna loves the new GPU cluster in Lyon.", "The battery died after two days; customer service never answered.", "Yes"];
        using var onnx = new MiniLmEncoder(Hearth.Hardware.Ai.ExecutionProviders.Cpu);
        var expected = texts.Select(t => onnx.EncodeTokens([t])[0]).ToList();

        var pass = BertEncoder.Forward(MiniLm.Value, [.. texts.Select(t => onnx.Tokenize(t).Select(id => (int)id).ToArray())]);

        var worst = 0.0;
        for (var s = 0; s < texts.Length; s++)
        {
            for (var t = 0; t < expected[s].Vectors.Length; t++)
            {
                for (var i = 0; i < BertConfig.MiniLm.Hidden; i++)
                {
                    var ours = pass.Output[((pass.Offsets[s] + t) * BertConfig.MiniLm.Hidden) + i];
                    worst = Math.Max(worst, Math.Abs(ours - expected[s].Vectors[t][i]));
                }
            }
        }

        Assert.True(worst < 1e-4, $"largest difference {worst:E2}");
    }

    [Fact]
    public void Every_gradient_matches_finite_differences_on_a_tiny_encoder()
    {
        var config = new BertConfig(Vocab: 11, Hidden: 8, Heads: 2, Intermediate: 16, Layers: 2, MaxPositions: 8, Epsilon: 1e-5f);
        var model = BertModel.Random(config, seed: 3);
        foreach (var p in model.Parameters)
        {
            var random = new Random(p.Name.Length);
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] += (float)((random.NextDouble() - 0.5) * 2); // away from the initial symmetries, attention far from uniform
            }
        }

        int[][] sequences = [[1, 4, 7, 2], [1, 9, 2]];
        var weights = new Random(5);
        var r = Enumerable.Range(0, 7 * config.Hidden).Select(_ => (float)(weights.NextDouble() - 0.5)).ToArray();
        double Loss() => BertEncoder.Forward(model, sequences).Output.Select((v, i) => (double)v * r[i]).Sum();
        BertEncoder.Backward(model, BertEncoder.Forward(model, sequences), r);

        // Per tensor, ‖analytic − numeric‖ / ‖numeric‖ over the checked entries: float32 rounding in the forward pass makes
        // single tiny entries noisy, the vector is not.
        var worst = (Error: 0.0, Where: "");
        foreach (var p in model.Parameters)
        {
            double difference = 0, size = 0, count = 0;
            foreach (var i in Enumerable.Range(0, p.Value.Length).Where(i => i % 7 == 0 || p.Value.Length < 20))
            {
                var numeric = Derivative(p, i, 4e-2f, Loss);
                difference += Math.Pow(numeric - p.Grad[i], 2);
                size += numeric * numeric;
                count++;
            }

            // A gradient that is zero in theory (the key bias: softmax ignores a constant added to a row) is compared absolutely.
            var error = size / count < 1e-6 ? Math.Sqrt(difference / count) : Math.Sqrt(difference / size);
            if (error > worst.Error)
            {
                worst = (error, p.Name);
            }
        }

        Assert.True(worst.Error < 1e-3, $"relative error {worst.Error:E2} at {worst.Where}");
    }

    /// <summary>Central differences at steps h and h/2 combined by Richardson extrapolation: error O(h⁴).</summary>
    internal static double Derivative(Parameter p, int i, float h, Func<double> loss)
    {
        double Central(float step)
        {
            var saved = p.Value[i];
            p.Value[i] = saved + step;
            var up = loss();
            p.Value[i] = saved - step;
            var down = loss();
            p.Value[i] = saved;
            return (up - down) / (2 * step);
        }

        return ((4 * Central(h / 2)) - Central(h)) / 3;
    }
}
