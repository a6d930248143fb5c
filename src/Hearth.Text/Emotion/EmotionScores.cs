namespace Hearth.Text.Emotion;

/// <summary>How strongly a text expresses each emotion, 0–1 (Watson's five).</summary>
public sealed record EmotionScores(double Anger, double Disgust, double Fear, double Joy, double Sadness);

/// <summary>The emotions of a sentence, with its offsets.</summary>
public sealed record SentenceEmotion(string Text, int[] Location, EmotionScores Emotion);

/// <summary>The emotions towards an entity or keyword: the sentences that mention it.</summary>
public sealed record TargetEmotion(string Text, EmotionScores Emotion);

/// <summary>Document, sentence and targeted emotion.</summary>
public sealed record EmotionResult(EmotionScores Document, IReadOnlyList<SentenceEmotion> Sentences, IReadOnlyList<TargetEmotion> Targets);
