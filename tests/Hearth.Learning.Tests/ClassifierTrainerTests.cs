using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Training;
using Hearth.Text.Embeddings;

namespace Hearth.Learning.Tests;

public sealed class ClassifierTrainerTests
{
    [Fact]
    public void Fine_tuning_the_top_layers_learns_sixteen_examples_with_arbitrary_labels_by_heart()
    {
        using var onnx = new MiniLmEncoder(Hearth.Hardware.Ai.ExecutionProviders.Cpu);
        var model = BertModel.FromOnnx(OnnxInitializers.Read(MiniLmEncoder.ModelBytes()), BertConfig.MiniLm);
        string[] texts =
        [
            "The GPU ran hot all night.", "Anna booked a train to Lyon.", "This jacket fits perfectly.", "The soup was cold.",
            "Our cluster has three nodes.", "Rain again in Brest.", "The update broke my printer.", "I love this little lamp.",
            "Paul moved to Berlin in May.", "The fans are too loud.", "Shipping took two weeks.", "What a lovely evening.",
            "The model predicts sentiment.", "Prices rose in March.", "The screen cracked on day one.", "She plays chess on Sundays.",
        ];
        var labels = new[] { 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1 }; // no pattern to find: only memory
        var examples = texts.Select((t, i) => (onnx.Tokenize(t).Select(id => (int)id).ToArray(), labels[i])).ToList();
        var head = new SentenceHead(["a", "b"], BertConfig.MiniLm.Hidden, seed: 1);
        var trainer = new Trainer(model, [new TrainingTask<int>("t", head, examples)], new TrainingOptions(Epochs: 30, BatchSize: 8,
            LearningRate: 2e-4, HeadLearningRate: 1e-2,
            TopLayers: 2, Dropout: 0));

        var losses = Enumerable.Range(0, 30).Select(_ => trainer.Epoch()).ToList();
        var predicted = head.PredictLabels(model, [.. examples.Select(e => e.Item1)]);

        Assert.Equal(labels, predicted);
        Assert.True(losses[^1] < losses[0] / 10, $"losses {string.Join(", ", losses.Select(l => l.ToString("F3")))}");
    }
}
