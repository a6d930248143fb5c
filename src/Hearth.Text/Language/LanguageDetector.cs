using Lingua;

namespace Hearth.Text.Language;

/// <summary>
/// Language detection with Lingua, restricted to the languages users write here most (a smaller set is
/// faster and more accurate on short texts). English is analysed fully; French where the models allow.
/// Lingua's full model (1- to 5-grams) takes seconds and ~400 MB to load, and only short texts use more than its
/// trigrams; so the trigram model (0.3 s, ~50 MB) answers first, and the full one is loaded only for a short text
/// the trigrams do not confidently put in the default language (bench/language-fallback.cs: same error rates).
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

    private readonly Lazy<Lingua.LanguageDetector> full = new(() => LanguageDetectorBuilder.FromLanguages(Supported).Build());
    private readonly Lazy<Lingua.LanguageDetector> trigrams = new(() =>
        LanguageDetectorBuilder.FromLanguages(Supported).WithLowAccuracyMode().Build());

    /// <summary>The trigram model's confidence in the default language above which the full model is not asked.</summary>
    public const double SureEnough = 0.9;

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
        var quick = Guess(trigrams.Value, text);
        var guess = quick.Code == DefaultLanguage && quick.Confidence >= SureEnough ? quick : DetectRaw(text);
        var trusted = guess.Confidence >= MinimumConfidence && CommonWord().Count(text) >= MinimumCommonWords;
        return trusted || guess == LanguageGuess.Unknown ? guess : guess with { Code = DefaultLanguage };
    }

    /// <summary>Lingua's own pick with its full model, however unsure.</summary>
    public LanguageGuess DetectRaw(string text) => Guess(full.Value, text);

    /// <summary>Whether the full model has been loaded (for the bench: how often short texts need it).</summary>
    public bool FullModelLoaded => full.IsValueCreated;

    private static LanguageGuess Guess(Lingua.LanguageDetector detector, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetter))
        {
            return LanguageGuess.Unknown;
        }

        var confidences = detector.ComputeLanguageConfidenceValues(text);
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
