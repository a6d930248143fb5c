using Hearth.Text.Segmentation;

namespace Hearth.Text.Sentiment;

/// <summary>Sentence, document and targeted sentiment from each sentence's score.</summary>
public static class SentimentScoring
{
    /// <param name="targets">Entities and keywords: each gets the mean score of the sentences that mention it.</param>
    /// <param name="scores">Each sentence's score in −1..1.</param>
    /// <param name="band">Scores closer to 0 than this read as neutral (the model's own).</param>
    public static SentimentResult Score(IReadOnlyList<Sentence> sentences, IReadOnlyList<string> targets, IReadOnlyList<double> scores,
        double band = SentimentScore.NeutralBand)
    {
        if (sentences.Count == 0)
        {
            return new SentimentResult(SentimentScore.From(0, band), [], []) { NeutralBand = band };
        }

        var weights = sentences.Select(s => (double)Math.Max(1, s.Tokens.Count)).ToList();
        var document = scores.Zip(weights, (s, w) => s * w).Sum() / weights.Sum();
        var perSentence = sentences.Select((s, i) =>
        {
            var score = SentimentScore.From(scores[i], band);
            return new SentenceSentiment(s.Text, [s.Start, s.End], score.Score, score.Label);
        }).ToList();
        var perTarget = targets.Distinct(StringComparer.OrdinalIgnoreCase).Select(t =>
        {
            var mentioning = Mentioning(sentences, t);
            var score = SentimentScore.From(mentioning.Count == 0 ? 0 : mentioning.Average(i => scores[i]), band);
            return new TargetSentiment(t, score.Score, score.Label);
        }).ToList();
        return new SentimentResult(SentimentScore.From(document, band), perSentence, perTarget) { NeutralBand = band };
    }

    /// <summary>Indexes of the sentences that mention a target (case-insensitive).</summary>
    public static List<int> Mentioning(IReadOnlyList<Sentence> sentences, string target) =>
        [.. Enumerable.Range(0, sentences.Count).Where(i => sentences[i].Text.Contains(target, StringComparison.OrdinalIgnoreCase))];
}
