using Hearth.Hardware.Ai;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;

namespace Hearth.Learning.Tests;

/// <summary>Low-rank adapters: their gradients, and a model of adapters saved small and served by ONNX Runtime as the engine computes it.</summary>
public sealed class AdapterTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("hearth-adapters-").FullName;

    [Fact]
    public void The_adapters_gradients_match_finite_differences()
    {
        var config = new BertConfig(Vocab: 11, Hidden: 8, Heads: 2, Intermediate: 16, Layers: 2, MaxPositions: 8);
        var model = BertModel.Random(config, seed: 3);
        var adapters = model.AddAdapters(rank: 2, seed: 5);
        var random = new Random(7);
        foreach (var p in adapters.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = (float)(random.NextDouble() - 0.5); // B is zero at the start: make every gradient visible
            }
        }

        int[][] sequences = [[1, 4, 7, 2], [1, 9, 2]];
        var r = Enumerable.Range(0, 7 * config.Hidden).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        double Loss()
        {
            adapters.Apply();
            return BertEncoder.Forward(model, sequences).Output.Select((v, i) => (double)v * r[i]).Sum();
        }

        adapters.Apply();
        BertEncoder.Backward(model, BertEncoder.Forward(model, sequences), r);
        adapters.Backpropagate();
        var analytic = adapters.Parameters.Select(p => (float[])p.Grad.Clone()).ToList();

        Assert.All(model.Layers.SelectMany(l => l.Parameters), p => Assert.All(p.Grad, g => Assert.Equal(0, g))); // the base stays frozen
        foreach (var (p, grad) in adapters.Parameters.Zip(analytic))
        {
            foreach (var i in Enumerable.Range(0, p.Value.Length).Where(i => i % 3 == 0))
            {
                var numeric = BertEncoderTests.Derivative(p, i, 1e-2f, Loss);
                Assert.True(Math.Abs(numeric - grad[i]) < 2e-3 + (1e-2 * Math.Abs(numeric)), $"{p.Name}[{i}]: {grad[i]} vs {numeric}");
            }
        }
    }

    [Fact]
    public void A_model_of_adapters_is_saved_small_and_served_as_the_engine_computes_it()
    {
        var store = new ModelStore(home);
        var model = ModelStore.LoadBase();
        var adapters = model.AddAdapters(rank: 8, seed: 1);
        var random = new Random(2);
        foreach (var b in adapters.Parameters.Where(p => p.Name.EndsWith("lora_b", StringComparison.Ordinal)))
        {
            for (var i = 0; i < b.Value.Length; i++)
            {
                b.Value[i] = (float)((random.NextDouble() - 0.5) * 0.2);
            }
        }

        adapters.Apply();
        var head = new SentenceHead(["negative", "positive"], model.Config.Hidden, seed: 3);
        var card = store.Save(new ModelCard
        {
            Name = "small", Task = "sentiment", Labels = head.Labels, Base = ModelStore.BaseName, TrainedLayers = 0, AdapterRank = 8,
            DataFile = "none",
            DataSha256 = "", Examples = 0, Epochs = 0, Created = DateTimeOffset.UnixEpoch, WeightsSha256 = "",
        }, model, head);
        string[] texts = ["The fabric is soft and the fit is perfect.", "Broken on arrival."];

        using var served = TrainedClassifier.Load(store, "small", ExecutionProviders.Cpu);
        var ours = served.Classify(texts);
        var engine = head.Predict(BertEncoder.Forward(model, [.. texts.Select(served.Tokenize)]), model.Config.Hidden);

        Assert.True(card.WeightsBytes < 400_000, $"{card.WeightsBytes} bytes");
        var worst = ours.Zip(engine).Max(pair => pair.First.Zip(pair.Second).Max(p => Math.Abs(p.First - p.Second)));
        Assert.True(worst < 1e-4, $"largest difference {worst:E2}");
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}
