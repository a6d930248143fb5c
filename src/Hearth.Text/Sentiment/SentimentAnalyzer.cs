using Hearth.Text.Embeddings;
using Hearth.Text.Segmentation;

namespace Hearth.Text.Sentiment;

/// <summary>Sentence, document and targeted sentiment from MiniLM vectors and the trained head; loaded on first use.</summary>
/// <param name="examples">Labelled examples to train the head on; null for the ones shipped with Hearth.</param>
public sealed class SentimentAnalyzer(IReadOnlyList<(string Text, int Label)>? examples = null) : IDisposable
{
    private readonly Lazy<(MiniLmEncoder Encoder, SentimentModel Model)> parts = new(() =>
    {
        var (encoder, _) = MiniLmEncoder.OnBestProvider();
        return (encoder, SentimentModel.Train(encoder, examples ?? SentimentModel.ShippedExamples()));
    });

    /// <summary>The model cards of Hearth's text models (what they were trained on, measured quality).</summary>
    public static string ModelCards()
    {
        using var stream = typeof(SentimentAnalyzer).Assembly.GetManifestResourceStream("Hearth.Text.Models.model-cards.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <param name="targets">Entities and keywords to score: each gets the mean score of the sentences that mention it.</param>
    public SentimentResult Analyze(IReadOnlyList<Sentence> sentences, IReadOnlyList<string> targets) =>
        AnalyzeMany([(sentences, targets)])[0];

    /// <summary>Several documents at once: their sentences share the model's batches, which is faster than one by one.</summary>
    public IReadOnlyList<SentimentResult> AnalyzeMany(IReadOnlyList<(IReadOnlyList<Sentence> Sentences, IReadOnlyList<string> Targets)> documents)
    {
        var all = documents.SelectMany(d => d.Sentences).Select(s => s.Text).ToList();
        if (all.Count == 0)
        {
            return [.. documents.Select(_ => new SentimentResult(SentimentScore.From(0), [], []))];
        }

        var (encoder, model) = parts.Value;
        var scores = encoder.Encode(all).Select(v => (2 * model.Positive(v)) - 1).ToList();
        var results = new List<SentimentResult>();
        var offset = 0;
        foreach (var (sentences, targets) in documents)
        {
            results.Add(Score(sentences, targets, scores.GetRange(offset, sentences.Count)));
            offset += sentences.Count;
        }

        return results;
    }

    private static SentimentResult Score(IReadOnlyList<Sentence> sentences, IReadOnlyList<string> targets, List<double> scores)
    {
        if (sentences.Count == 0)
        {
            return new SentimentResult(SentimentScore.From(0), [], []);
        }

        var weights = sentences.Select(s => (double)Math.Max(1, s.Tokens.Count)).ToList();
        var document = scores.Zip(weights, (s, w) => s * w).Sum() / weights.Sum();
        var perSentence = sentences.Select((s, i) =>
        {
            var score = SentimentScore.From(scores[i]);
            return new SentenceSentiment(s.Text, [s.Start, s.End], score.Score, score.Label);
        }).ToList();
        var perTarget = targets.Distinct(StringComparer.OrdinalIgnoreCase).Select(t =>
        {
            var mentioning = Enumerable.Range(0, sentences.Count).Where(i => sentences[i].Text.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
            var score = SentimentScore.From(mentioning.Count == 0 ? 0 : mentioning.Average(i => scores[i]));
            return new TargetSentiment(t, score.Score, score.Label);
        }).ToList();
        return new SentimentResult(SentimentScore.From(document), perSentence, perTarget);
    }

    public void Dispose()
    {
        if (parts.IsValueCreated)
        {
            parts.Value.Encoder.Dispose();
        }
    }
}
