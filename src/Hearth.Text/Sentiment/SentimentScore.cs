using System.Text.Json.Serialization;

namespace Hearth.Text.Sentiment;

/// <summary>A sentiment: score in −1..1 and its label (positive, neutral, negative).</summary>
public sealed record SentimentScore(double Score, string Label)
{
    /// <summary>
    /// Scores of the sentiment head on sentence vectors closer to 0 than this read as neutral. Calibrated with
    /// bench/sentiment-neutral-band.cs: the best 3-class macro-F1 on the train splits of GoEmotions (with its neutral
    /// comments) and of the clothing reviews together. The joint model's band is in its card.
    /// </summary>
    public const double NeutralBand = 0.20;

    /// <param name="band">Scores closer to 0 than this read as neutral (each model's own).</param>
    public static SentimentScore From(double score, double band = NeutralBand) =>
        new(Math.Round(score, 4), score >= band ? "positive" : score <= -band ? "negative" : "neutral");
}

/// <summary>The sentiment of a sentence, with its offsets.</summary>
public sealed record SentenceSentiment(string Text, int[] Location, double Score, string Label);

/// <summary>The sentiment towards an entity or keyword: the sentences that mention it.</summary>
public sealed record TargetSentiment(string Text, double Score, string Label);

/// <summary>Document, sentence and targeted sentiment.</summary>
public sealed record SentimentResult(SentimentScore Document, IReadOnlyList<SentenceSentiment> Sentences, IReadOnlyList<TargetSentiment> Targets)
{
    /// <summary>The band within which the model's scores read as neutral, for labels computed later from these scores.</summary>
    [JsonIgnore]
    public double NeutralBand { get; init; } = SentimentScore.NeutralBand;
}
