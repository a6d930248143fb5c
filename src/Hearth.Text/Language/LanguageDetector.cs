using Lingua;

namespace Hearth.Text.Language;

/// <summary>
/// Language detection with Lingua, restricted to the languages users write here most (a smaller set is
/// faster and more accurate on short texts). English is analysed fully; French where the models allow.
/// </summary>
/// <param name="defaultLanguage">
/// What a text is read as when the detector is unsure (HEARTH_LANGUAGE sets it for the CLI and the node; "en" otherwise).
/// </param>
public sealed partial class LanguageDetector(string defaultLanguage = "en")
{
    private static readonly Lingua.Language[] Supported =
    [
        Lingua.Language.English, Lingua.Language.French, Lingua.Language.German, Lingua.Language.Spanish,
        Lingua.Language.Italian, Lingua.Language.Portuguese, Lingua.Language.Dutch,
    ];

    private readonly Lazy<Lingua.LanguageDetector> detector = new(() => LanguageDetectorBuilder.FromLanguages(Supported).Build());

    /// <summary>
    /// Below this confidence the detector's pick is not trusted and the default language is used instead: short texts made
    /// of names ("Javier Pertile, Paolo Vaccari, Marcello Cuttitta") otherwise read as Italian or Spanish. Chosen with
    /// bench/language-fallback.cs on public English dev sets and French sentences.
    /// </summary>
    public const double MinimumConfidence = 0.6;

    /// <summary>
    /// A text with fewer words in lower case than this is mostly names, which read as the language they come from (Italian
    /// players' names in an English sports report): its language is the default.
    /// </summary>
    public const int MinimumCommonWords = 2;

    /// <summary>The codes of the languages detected: the ones a caller may name.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Supported.Select(Code)];

    public string DefaultLanguage { get; } = Check(defaultLanguage);

    /// <summary>A language the caller named, checked: its code in lower case.</summary>
    public static string Check(string code) => Codes.Contains(code.ToLowerInvariant()) ? code.ToLowerInvariant()
        : throw new ArgumentException($"unknown language '{code}': name one of {string.Join(", ", Codes)}");

    /// <summary>The language the text is written in; the default when the detector is unsure (or when a short text gives no clue).</summary>
    public LanguageGuess Detect(string text)
    {
        var guess = DetectRaw(text);
        var trusted = guess.Confidence >= MinimumConfidence && CommonWord().Count(text) >= MinimumCommonWords;
        return trusted || guess == LanguageGuess.Unknown ? guess : guess with { Code = DefaultLanguage };
    }

    /// <summary>The detector's own pick, however unsure.</summary>
    public LanguageGuess DetectRaw(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetter))
        {
            return LanguageGuess.Unknown;
        }

        var confidences = detector.Value.ComputeLanguageConfidenceValues(text);
        var (language, confidence) = confidences.MaxBy(c => c.Value);
        return confidence <= 0 ? LanguageGuess.Unknown : new LanguageGuess(Code(language), confidence);
    }

    private static string Code(Lingua.Language language) => language switch
    {
        Lingua.Language.English => "en",
        Lingua.Language.French => "fr",
        Lingua.Language.German => "de",
        Lingua.Language.Spanish => "es",
        Lingua.Language.Italian => "it",
        Lingua.Language.Portuguese => "pt",
        Lingua.Language.Dutch => "nl",
        _ => "unknown",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})\p{Ll}\p{L}*")]
    private static partial System.Text.RegularExpressions.Regex CommonWord();
}
