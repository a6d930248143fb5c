namespace Hearth.Text.Emotion;

/// <summary>
/// GoEmotions' 27 emotions grouped under Ekman's (the corpus's own ekman_mapping.json, Demszky et al. 2020), of which
/// Watson reports five: an Ekman emotion scores as the strongest of its fine emotions.
/// </summary>
public static class Ekman
{
    private static readonly Dictionary<string, string[]> Groups = new(StringComparer.Ordinal)
    {
        ["anger"] = ["anger", "annoyance", "disapproval"],
        ["disgust"] = ["disgust"],
        ["fear"] = ["fear", "nervousness"],
        ["joy"] = ["joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism", "relief", "pride", "admiration", "desire",
            "caring"],
        ["sadness"] = ["sadness", "disappointment", "embarrassment", "grief", "remorse"],
    };

    /// <summary>Watson's five from GoEmotions' labels and their probabilities.</summary>
    public static EmotionScores From(IReadOnlyDictionary<string, double> emotions)
    {
        double Of(string ekman) => Math.Round(Groups[ekman].Max(e => emotions.GetValueOrDefault(e)), 4);
        return new EmotionScores(Of("anger"), Of("disgust"), Of("fear"), Of("joy"), Of("sadness"));
    }
}
