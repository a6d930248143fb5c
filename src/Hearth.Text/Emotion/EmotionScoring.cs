using Hearth.Text.Analysis;
using Hearth.Text.Heads;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;

namespace Hearth.Text.Emotion;

/// <summary>
/// Document, sentence and targeted emotion from each sentence's: the document and a target get the length-weighted
/// mean of their sentences. Each sentence's emotions come from the joint model's 27 GoEmotions labels (English,
/// <see cref="Ekman"/>'s five derived) or from the emotion head on its vector, which also knows "none" (so a
/// matter-of-fact sentence scores low on all five).
/// </summary>
public static class EmotionScoring
{
    /// <param name="labels">Each sentence's GoEmotions labels and probabilities; null: Ekman's five only.</param>
    public static EmotionResult Score(IReadOnlyList<Sentence> sentences, IReadOnlyList<string> targets, IReadOnlyList<EmotionScores> perSentence,
        IReadOnlyList<IReadOnlyDictionary<string, double>>? labels = null)
    {
        var weights = sentences.Select(s => (double)Math.Max(1, s.Tokens.Count)).ToList();
        return new EmotionResult(
            Mean(perSentence, weights),
            [.. sentences.Select((s, i) => new SentenceEmotion(s.Text, [s.Start, s.End], perSentence[i], labels is null ? null : Ranked(labels[i])))],
            [.. targets.Distinct(StringComparer.OrdinalIgnoreCase).Select(t =>
            {
                var mentioning = SentimentScoring.Mentioning(sentences, t);
                return new TargetEmotion(t, Mean([.. mentioning.Select(i => perSentence[i])], [.. mentioning.Select(i => weights[i])]));
            })],
            labels is null || labels.Count == 0 ? null
                : Ranked(labels[0].Keys.ToDictionary(l => l, l => labels.Select((s, i) => s[l] * weights[i]).Sum() / weights.Sum())));
    }

    /// <summary>Watson's five from the emotion head on a sentence vector.</summary>
    public static EmotionScores Scores(LinearHead head, float[] vector)
    {
        var p = head.Probabilities(vector);
        double Of(string label) => Math.Round(p[head.Labels.ToList().IndexOf(label)], 4);
        return new EmotionScores(Of("anger"), Of("disgust"), Of("fear"), Of("joy"), Of("sadness"));
    }

    private static List<ClassConfidence> Ranked(IReadOnlyDictionary<string, double> labels) =>
        [.. labels.OrderByDescending(l => l.Value).Select(l => new ClassConfidence(l.Key, Math.Round(l.Value, 4)))];

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
