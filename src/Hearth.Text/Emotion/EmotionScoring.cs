using Hearth.Text.Heads;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;

namespace Hearth.Text.Emotion;

/// <summary>
/// Anger, disgust, fear, joy and sadness from sentence vectors and the emotion head, which also knows "none"
/// (so a matter-of-fact sentence scores low on all five). Document: the length-weighted mean of sentences.
/// </summary>
public static class EmotionScoring
{
    public static EmotionResult Score(IReadOnlyList<Sentence> sentences, IReadOnlyList<string> targets, IReadOnlyList<float[]> vectors,
        LinearHead head)
    {
        var perSentence = vectors.Select(v => Scores(head, v)).ToList();
        var weights = sentences.Select(s => (double)Math.Max(1, s.Tokens.Count)).ToList();
        return new EmotionResult(
            Mean(perSentence, weights),
            [.. sentences.Select((s, i) => new SentenceEmotion(s.Text, [s.Start, s.End], perSentence[i]))],
            [.. targets.Distinct(StringComparer.OrdinalIgnoreCase).Select(t =>
            {
                var mentioning = SentimentScoring.Mentioning(sentences, t);
                return new TargetEmotion(t, Mean([.. mentioning.Select(i => perSentence[i])], [.. mentioning.Select(i => weights[i])]));
            })]);
    }

    private static EmotionScores Scores(LinearHead head, float[] vector)
    {
        var p = head.Probabilities(vector);
        double Of(string label) => Math.Round(p[head.Labels.ToList().IndexOf(label)], 4);
        return new EmotionScores(Of("anger"), Of("disgust"), Of("fear"), Of("joy"), Of("sadness"));
    }

    private static EmotionScores Mean(IReadOnlyList<EmotionScores> scores, IReadOnlyList<double> weights)
    {
        if (scores.Count == 0)
        {
            return new EmotionScores(0, 0, 0, 0, 0);
        }

        var total = weights.Sum();
        double Average(Func<EmotionScores, double> pick) => Math.Round(scores.Select((s, i) => pick(s) * weights[i]).Sum() / total, 4);
        return new EmotionScores(Average(s => s.Anger), Average(s => s.Disgust), Average(s => s.Fear), Average(s => s.Joy), Average(s => s.Sadness));
    }
}
