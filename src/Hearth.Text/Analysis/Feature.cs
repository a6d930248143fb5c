namespace Hearth.Text.Analysis;

/// <summary>What <c>hearth analyze --features</c> can ask for.</summary>
public static class Feature
{
    public const string Language = "language";
    public const string Sentences = "sentences";
    public const string Entities = "entities";
    public const string Keywords = "keywords";
    public const string Sentiment = "sentiment";
    public const string Emotion = "emotion";
    public const string Tone = "tone";
    public const string Categories = "categories";
    public const string Personality = "personality";

    /// <summary>Labels from a model the user trained (Watson NLU's classifications): asked for with a model only.</summary>
    public const string Classifications = "classifications";

    public static IReadOnlyList<string> All { get; } = [Language, Sentences, Entities, Keywords, Sentiment, Emotion, Tone, Categories, Personality];

    /// <summary>Every name <c>Parse</c> accepts.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. All, Classifications];

    /// <summary>The features read from sentence vectors: asking for one loads the encoder and its heads.</summary>
    public static IReadOnlyList<string> Encoded { get; } = [Sentiment, Emotion, Tone, Categories, Personality];

    /// <summary>Checks a list of names (null or empty: all of them), as the APIs send it.</summary>
    public static IReadOnlyList<string> Parse(IReadOnlyList<string>? names) => Parse(string.Join(',', names ?? []));

    /// <summary>Parses a comma-separated list; unknown names are reported with the valid ones.</summary>
    public static IReadOnlyList<string> Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return All;
        }

        var asked = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f =>
            f.ToLowerInvariant()).Distinct().ToList();
        var unknown = asked.Where(f => !Known.Contains(f)).ToList();
        return unknown.Count == 0
            ? asked
            : throw new ArgumentException($"unknown feature(s) {string.Join(", ", unknown)}: choose among {string.Join(", ", Known)}");
    }
}
