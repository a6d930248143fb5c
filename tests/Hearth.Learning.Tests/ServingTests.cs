using Hearth.Hardware.Ai;
using Hearth.Learning.Encoder;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text.Analysis;

namespace Hearth.Learning.Tests;

/// <summary>A trained model exported into the ONNX graph and served by ONNX Runtime gives what the engine computes.</summary>
public sealed class ServingTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("hearth-serving-").FullName;

    [Fact]
    public void A_model_served_by_onnx_runtime_gives_the_engines_probabilities()
    {
        var store = new ModelStore(home);
        var model = ModelStore.LoadBase();
        model.TrainTopLayers(2);
        var random = new Random(4);
        foreach (var p in model.Parameters.Where(p => p.Trainable))
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] += (float)((random.NextDouble() - 0.5) * 0.05); // as if trained: far enough from the base to tell them apart
            }
        }

        var head = new SentenceHead(["negative", "neutral", "positive"], model.Config.Hidden, seed: 5);
        store.Save(Card("changed", "sentiment", head.Labels), model, head);
        string[] texts = ["The fabric is soft and the fit is perfect.", "Broken on arrival.", "Anna flew to Lyon on Tuesday with three colleagues."];

        using var served = TrainedClassifier.Load(store, "changed", ExecutionProviders.Cpu);
        var ours = served.Classify(texts);
        var tokens = texts.Select(t => served.Tokenize(t)).ToList();
        var engine = head.Predict(BertEncoder.Forward(model, tokens), model.Config.Hidden);
        var scores = Polarity.Scores(served, texts, CancellationToken.None);

        var worst = ours.Zip(engine).Max(pair => pair.First.Zip(pair.Second).Max(p => Math.Abs(p.First - p.Second)));
        Assert.True(worst < 1e-4, $"largest difference {worst:E2}");
        Assert.Equal(ours.Select(p => (double)p[2] - p[0]), scores);
    }

    [Fact]
    public void A_ner_model_served_by_onnx_runtime_finds_the_entities_the_engine_tags()
    {
        var store = new ModelStore(home);
        var model = ModelStore.LoadBase();
        model.TrainTopLayers(1);
        var tagger = new TokenTagger(["B-LOC", "B-PER", "I-PER", "O"], model.Config.Hidden, seed: 7);
        var random = new Random(8);
        for (var i = 0; i < tagger.Weight.Value.Length; i++)
        {
            tagger.Weight.Value[i] = (float)(random.NextDouble() - 0.5); // strong enough for every tag to be chosen somewhere
        }

        store.Save(Card("names", "ner", tagger.Labels), model, tagger);
        var text = "Anna Smith flew from Lyon to Oslo with Bo.\nThe Board of Hearth met on Tuesday in Paris.";
        var sentences = Text.Segmentation.Segmenter.Sentences(text);
        var lines = sentences.SelectMany(s => s.Text.Split('\n')).ToList();

        using var served = TrainedTagger.Load(store, "names", ExecutionProviders.Cpu);
        var mentions = served.Find(sentences);
        using var encoder = new Text.Embeddings.MiniLmEncoder(ExecutionProviders.Cpu);
        var words = lines.Select(l => Text.Segmentation.Segmenter.Tokenize(l).Select(t => t.Text).ToArray()).ToList();
        var engine = TaggingEvaluation.Tag(model, tagger, new WordPieces(encoder.Tokenize), words);
        var expected = words.Zip(engine).SelectMany(p =>
            EntitySpans.From(p.Second).Select(s => $"{s.Type}:{string.Concat(p.First[s.Start..s.End])}"));

        Assert.NotEmpty(mentions);
        Assert.Equal(expected, mentions.Select(m =>
            $"{m.Type switch { "PERSON" => "PER", "LOCATION" => "LOC", _ => m.Type }}:{m.Text.Replace(" ", "", StringComparison.Ordinal)}"));
        Assert.All(mentions, m => Assert.Equal(m.Text, text.Substring(m.Start, m.Length)));
        Assert.DoesNotContain(mentions, m => m.Text.Contains('\n', StringComparison.Ordinal));
        Assert.Throws<ModelFileException>(() => TrainedClassifier.Load(store, "names", ExecutionProviders.Cpu));
    }

    [Fact]
    public void Exporting_a_weight_the_graph_does_not_have_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            OnnxExport.WithWeights(Text.Embeddings.MiniLmEncoder.ModelBytes(), new Dictionary<string, float[]> { ["no.such.weight"] = [1f] }));

        Assert.Contains("no.such.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentiment_model_needs_polarity_labels_and_a_model_serves_sentiment_classifications_or_entities_only()
    {
        var models = new OneClassifier(new FixedClassifier("topics", ["sport", "politics"]));

        Assert.Throws<ArgumentException>(() => ModelChoice.Parse(["sentiment=topics"], models));
        Assert.Throws<ArgumentException>(() => ModelChoice.Parse(["emotion=topics"], models));
        Assert.Throws<ArgumentException>(() => ModelChoice.Parse(["sentiment"], models));
        Assert.Same(models.Only, ModelChoice.Parse(["classifications=topics"], models).Classifications);
    }

    public void Dispose() => Directory.Delete(home, recursive: true);

    private static ModelCard Card(string name, string task, IReadOnlyList<string> labels) => new()
    {
        Name = name, Task = task, Labels = labels, Base = ModelStore.BaseName, TrainedLayers = 2, DataFile = "none", DataSha256 = "", Examples = 0,
        Epochs = 0, Created = DateTimeOffset.UnixEpoch, WeightsSha256 = "",
    };

    private sealed class OneClassifier(ITextClassifier only) : ITrainedModels
    {
        public ITextClassifier Only => only;

        public ITextClassifier Classifier(string name) => name == only.Name ? only : throw new ModelFileException($"no model '{name}'");

        public IEntityModel Entities(string name) => throw new ModelFileException($"'{name}' is not a ner model");
    }

    private sealed class FixedClassifier(string name, IReadOnlyList<string> labels) : ITextClassifier
    {
        public string Name => name;

        public IReadOnlyList<string> Labels => labels;

        public float[][] Classify(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            [.. texts.Select(_ => labels.Select(_ => 1f / labels.Count).ToArray())];
    }
}
