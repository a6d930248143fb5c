using Hearth.Text.Emotion;
using Hearth.Text.Heads;
using Hearth.Text.Segmentation;

namespace Hearth.Text.Tone;

/// <summary>A tone and its score (0.5–1: weaker tones are not reported, as Watson Tone Analyzer did).</summary>
public sealed record ToneScore(string ToneId, string ToneName, double Score);

/// <summary>The tones of a sentence.</summary>
public sealed record SentenceTone(int SentenceId, string Text, int[] Location, IReadOnlyList<ToneScore> Tones);

/// <summary>Document and sentence tones.</summary>
public sealed record ToneResult(IReadOnlyList<ToneScore> Document, IReadOnlyList<SentenceTone> Sentences);

/// <summary>
/// Watson Tone Analyzer's seven tones, brought back locally: anger, fear, joy and sadness from the joint model's
/// emotions (English) or the emotion head; analytical, confident and tentative from the language-style head. Only
/// scores of 0.5 or more count.
/// </summary>
public static class ToneScoring
{
    public const double Threshold = 0.5;

    private static readonly (string Id, string Name, bool Emotional)[] Tones =
    [
        ("anger", "Anger", true), ("fear", "Fear", true), ("joy", "Joy", true), ("sadness", "Sadness", true),
        ("analytical", "Analytical", false), ("confident", "Confident", false), ("tentative", "Tentative", false),
    ];

    /// <param name="emotions">Each sentence's emotions read by the joint model (English); null: the emotion head's.</param>
    public static ToneResult Score(IReadOnlyList<Sentence> sentences, IReadOnlyList<float[]> vectors, LinearHead emotion, LinearHead style,
        IReadOnlyList<EmotionScores>? emotions = null)
    {
        var all = vectors.Select((v, i) => Probabilities(v, emotion, style, emotions?[i])).ToList();
        var weights = sentences.Select(s => (double)Math.Max(1, s.Tokens.Count)).ToList();
        var total = Math.Max(1e-9, weights.Sum());
        var document = Tones.Select((t, k) => (t, Score: all.Select((p, i) => p[k] * weights[i]).Sum() / total));
        return new ToneResult(
            Reported(document),
            [.. sentences.Select((s, i) => new SentenceTone(i, s.Text, [s.Start, s.End], Reported(Tones.Select((t, k) => (t, Score: all[i][k])))))]);
    }

    private static double[] Probabilities(float[] vector, LinearHead emotion, LinearHead style, EmotionScores? read)
    {
        var e = emotion.Probabilities(vector);
        var s = style.Probabilities(vector);
        double Emotional(string id) => read is null ? e[emotion.Labels.ToList().IndexOf(id)]
            : id switch { "anger" => read.Anger, "fear" => read.Fear, "joy" => read.Joy, _ => read.Sadness };
        return [.. Tones.Select(t => t.Emotional ? Emotional(t.Id) : s[style.Labels.ToList().IndexOf(t.Id)])];
    }

    private static List<ToneScore> Reported(IEnumerable<((string Id, string Name, bool Emotional) Tone, double Score)> scores) =>
        [.. scores.Where(s => s.Score >= Threshold).OrderByDescending(s => s.Score).Select(s =>
            new ToneScore(s.Tone.Id, s.Tone.Name, Math.Round(s.Score, 4)))];
}
