using System.Text.Json.Serialization;
using Hearth.Text.Categories;
using Hearth.Text.Emotion;
using Hearth.Text.Entities;
using Hearth.Text.Keywords;
using Hearth.Text.Language;
using Hearth.Text.Personality;
using Hearth.Text.Sentiment;
using Hearth.Text.Tone;

namespace Hearth.Text.Analysis;

/// <summary>What the pipeline found in one document (docs/analyze.md).</summary>
/// <param name="Notes">What could not be done, or only partly, and why (never a silent degradation).</param>
public sealed record AnalysisResult(
    LanguageGuess Language,
    TextUsage Usage,
    IReadOnlyList<string> Notes,
    IReadOnlyList<SentenceSpan>? Sentences,
    IReadOnlyList<Entity>? Entities,
    IReadOnlyList<Keyword>? Keywords,
    SentimentResult? Sentiment,
    EmotionResult? Emotion = null,
    ToneResult? Tone = null,
    IReadOnlyList<Category>? Categories = null,
    PersonalityProfile? Personality = null,
    IReadOnlyList<ClassConfidence>? Classifications = null)
{
    /// <summary>The words of an English text as the joint model tagged them while reading it; null when it did not read it.</summary>
    [JsonIgnore]
    public IReadOnlyList<TaggedWord>? Words { get; init; }
}

/// <summary>Size of the analysed text.</summary>
public sealed record TextUsage(int Characters, int Words, int Sentences);

/// <summary>A sentence and its [start, end) offsets in the original text.</summary>
public sealed record SentenceSpan(string Text, int[] Location);
