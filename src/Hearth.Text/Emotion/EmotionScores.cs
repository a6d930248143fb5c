using Hearth.Text.Analysis;

namespace Hearth.Text.Emotion;

/// <summary>How strongly a text expresses each emotion, 0–1 (Watson's five).</summary>
public sealed record EmotionScores(double Anger, double Disgust, double Fear, double Joy, double Sadness);

/// <summary>The emotions of a sentence, with its offsets.</summary>
/// <param name="Labels">GoEmotions' 27 emotions and neutral, strongest first (English, from the joint model); null otherwise.</param>
public sealed record SentenceEmotion(string Text, int[] Location, EmotionScores Emotion, IReadOnlyList<ClassConfidence>? Labels = null);

/// <summary>The emotions towards an entity or keyword: the sentences that mention it.</summary>
public sealed record TargetEmotion(string Text, EmotionScores Emotion);

/// <summary>Document, sentence and targeted emotion.</summary>
/// <param name="Labels">GoEmotions' 27 emotions and neutral for the document, strongest first (English); null otherwise.</param>
public sealed record EmotionResult(EmotionScores Document, IReadOnlyList<SentenceEmotion> Sentences, IReadOnlyList<TargetEmotion> Targets,
    IReadOnlyList<ClassConfidence>? Labels = null);
