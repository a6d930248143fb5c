namespace Hearth.Text.Language;

/// <summary>A document's language: ISO 639-1 code ("en", "fr"…), or "unknown", with the detector's confidence.</summary>
public sealed record LanguageGuess(string Code, double Confidence)
{
    public static LanguageGuess Unknown { get; } = new("unknown", 0);
}
