using Lingua;

namespace Hearth.Text.Language;

/// <summary>
/// Language detection with Lingua, restricted to the languages users write here most (a smaller set is
/// faster and more accurate on short texts). English is analysed fully; French where the models allow.
/// </summary>
public sealed class LanguageDetector
{
    private static readonly Lingua.Language[] Supported =
    [
        Lingua.Language.English, Lingua.Language.French, Lingua.Language.German, Lingua.Language.Spanish,
        Lingua.Language.Italian, Lingua.Language.Portuguese, Lingua.Language.Dutch,
    ];

    private readonly Lazy<Lingua.LanguageDetector> detector = new(() => LanguageDetectorBuilder.FromLanguages(Supported).Build());

    public LanguageGuess Detect(string text)
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
}
