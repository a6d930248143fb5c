using Hearth.Hardware.Gpu;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Training;

namespace Hearth.Learning.Tests;

/// <summary>
/// The engine on an accelerator: the code path of <c>--device gpu</c> (device buffers, ILGPU's tiled SGEMM kernel),
/// run here on ILGPU's CPU accelerator (this machine has no GPU; on CUDA, cuBLAS multiplies instead).
/// </summary>
public sealed class EngineDeviceTests
{
    private static readonly BertConfig Tiny = new(Vocab: 20, Hidden: 16, Heads: 2, Intermediate: 32, Layers: 2, MaxPositions: 16);

    [Fact]
    public void Training_on_an_accelerator_takes_the_same_steps_as_on_the_cpu()
    {
        var examples = Enumerable.Range(0, 6).Select(i => (new[] { 1, 3 + (i % 7), 4 + (i % 5), 2 }[..(2 + (i % 3))], i % 2)).ToList();
        (BertModel Model, double[] Losses) Train()
        {
            var model = BertModel.Random(Tiny, seed: 1);
            var head = new SentenceHead(["a", "b"], Tiny.Hidden, seed: 2);
            var trainer = new Trainer(model, [new TrainingTask<int>("t", head, examples)], new TrainingOptions(Epochs: 2, BatchSize: 3,
                TopLayers: 2, Dropout: 0, Seed: 3));
            return (model, [trainer.Epoch(), trainer.Epoch()]);
        }

        var cpu = Train();
        using var gemm = AcceleratorGemm.Open("cpu");
        (BertModel Model, double[] Losses) accelerated;
        using (EngineDevice.Use(gemm, minimumProduct: 1_000)) // the dense layers' products; the attention's tiny ones stay on the CPU
        {
            Assert.StartsWith("CPU", EngineDevice.Name, StringComparison.Ordinal);
            accelerated = Train();
        }

        Assert.Null(EngineDevice.Name);
        Assert.True(gemm.Products > 100, $"{gemm.Products} products on the accelerator");
        Assert.Equal(cpu.Losses[0], accelerated.Losses[0], 4);
        Assert.Equal(cpu.Losses[1], accelerated.Losses[1], 4);
        var worst = cpu.Model.Parameters.Zip(accelerated.Model.Parameters)
            .Max(p => p.First.Value.Zip(p.Second.Value).Max(v => Math.Abs(v.First - v.Second)));
        Assert.True(worst < 1e-4, $"largest weight difference {worst:E2}");
    }
}
