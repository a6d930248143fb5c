using Hearth.Hardware.Ai;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Language;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;

namespace Hearth.Learning.Tests;

/// <summary>The shipped joint model (src/Hearth.Learning/Models/joint), through ONNX Runtime as Hearth serves it.</summary>
public sealed class JointModelTests
{
    private static readonly Lazy<JointModel> Shipped = new(() => JointModel.Load(JointModel.ShippedFolder, ExecutionProviders.Cpu));

    [Fact]
    public void One_pass_gives_names_parts_of_speech_lemmas_sentiment_and_emotions()
    {
        var sentences = Segmenter.Sentences("Barack Obama visited Paris with Angela Merkel. I love this dress, it fits perfectly! "
            + "The fabric is cheap and it ripped after one wash.");

        var read = Shipped.Value.Read(sentences);

        Assert.Equal([("PERSON", "Barack Obama"), ("LOCATION", "Paris"), ("PERSON", "Angela Merkel")],
            read[0].Names.Select(e => (e.Type, e.Text)));
        var visited = read[0].Words.Single(w => w.Token.Text == "visited");
        Assert.Equal(("VERB", "visit"), (visited.PartOfSpeech, visited.Lemma));
        Assert.Equal("PROPN", read[0].Words.Single(w => w.Token.Text == "Paris").PartOfSpeech);
        Assert.True(read[1].Sentiment > Shipped.Value.NeutralBand, "a happy review is positive");
        Assert.True(read[2].Sentiment < -Shipped.Value.NeutralBand, "a torn dress is negative");
        Assert.Equal(28, read[1].Emotions.Count);
        Assert.Contains(read[1].Emotions.MaxBy(e => e.Value).Key, (string[])["love", "admiration", "joy"]);
    }

    [Fact]
    public void A_line_break_ends_a_name()
    {
        var names = Shipped.Value.Read(Segmenter.Sentences("Meeting with Anna\nSmith Street is closed.")).SelectMany(s => s.Names);

        Assert.DoesNotContain(names, e => e.Text.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void The_pipeline_reads_english_documents_with_the_joint_model_and_others_with_the_heads()
    {
        using var runtime = new EncoderRuntime();
        var reader = new CountingReader(Shipped.Value);
        var analyzer = new TextAnalyzer(new LanguageDetector(), Gazetteer.Empty, new TextModels(runtime), reader);
        string[] texts = ["I love this dress, it fits perfectly and the colour is gorgeous. Angela Merkel would wear it.",
            "The zipper broke after one day and customer service never answered my emails.",
            "Ce restaurant est une honte : le service était lent et les plats froids."];

        var results = analyzer.AnalyzeMany(texts, [Feature.Entities, Feature.Sentiment, Feature.Emotion, Feature.Tone]);

        Assert.Equal(1, reader.Calls); // one pass for names, sentiment, emotion and tone of both English documents
        Assert.Equal(3, reader.Sentences);
        Assert.Equal(("positive", "negative"), (results[0].Sentiment!.Document.Label, results[1].Sentiment!.Document.Label));
        Assert.Equal(Shipped.Value.NeutralBand, results[0].Sentiment!.NeutralBand);
        Assert.Contains(results[0].Entities!, e => (e.Type, e.Text) == ("PERSON", "Angela Merkel"));
        Assert.Equal(28, results[0].Emotion!.Labels!.Count);
        Assert.Contains(results[0].Emotion!.Labels![0].Label, (string[])["love", "admiration", "joy", "approval"]);
        Assert.True(results[0].Emotion!.Document.Joy > results[0].Emotion!.Document.Anger);
        Assert.True(results[1].Emotion!.Document.Joy < 0.5);
        Assert.Equal(results[0].Emotion!.Sentences[0].Emotion.Joy, results[0].Tone!.Sentences[0].Tones.Single(t => t.ToneId == "joy").Score);
        Assert.Equal("fr", results[2].Language.Code);
        Assert.Null(results[2].Emotion!.Labels); // French: the emotion head on sentence vectors, Ekman's five only
        Assert.Equal(SentimentScore.NeutralBand, results[2].Sentiment!.NeutralBand);
    }

    /// <summary>The joint model, counting how often the pipeline calls it.</summary>
    private sealed class CountingReader(ISentenceReader inner) : ISentenceReader
    {
        public int Calls { get; private set; }

        public int Sentences { get; private set; }

        public double NeutralBand => inner.NeutralBand;

        public IReadOnlyList<SentenceReading> Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
        {
            (Calls, Sentences) = (Calls + 1, Sentences + sentences.Count);
            return inner.Read(sentences, cancellationToken);
        }
    }
}
