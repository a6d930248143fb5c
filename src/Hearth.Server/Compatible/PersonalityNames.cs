using Hearth.Text.Personality;

namespace Hearth.Server.Compatible;

/// <summary>
/// The names of Personality Insights' traits, needs and values in the language the client asks for (<c>Accept-Language</c>):
/// English or French. Watson also answered in Arabic, German, Spanish, Italian, Japanese, Korean, Portuguese and Chinese;
/// Hearth answers those in English, with a warning.
/// </summary>
internal static class PersonalityNames
{
    private static readonly Dictionary<string, string> French = new()
    {
        ["big5_openness"] = "Ouverture", ["facet_adventurousness"] = "Aventurier", ["facet_artistic_interests"] = "Intérêts artistiques",
        ["facet_emotionality"] = "Émotivité", ["facet_imagination"] = "Imagination", ["facet_intellect"] = "Intellect",
        ["facet_liberalism"] = "Remise en question de l'autorité",
        ["big5_conscientiousness"] = "Conscience", ["facet_achievement_striving"] = "Recherche de la réussite",
        ["facet_cautiousness"] = "Prudence", ["facet_dutifulness"] = "Sens du devoir", ["facet_orderliness"] = "Ordre",
        ["facet_self_discipline"] = "Autodiscipline", ["facet_self_efficacy"] = "Sentiment d'efficacité personnelle",
        ["big5_extraversion"] = "Extraversion", ["facet_activity_level"] = "Niveau d'activité", ["facet_assertiveness"] = "Assurance",
        ["facet_cheerfulness"] = "Gaieté", ["facet_excitement_seeking"] = "Recherche de sensations", ["facet_friendliness"] = "Sociable",
        ["facet_gregariousness"] = "Grégarité",
        ["big5_agreeableness"] = "Agréabilité", ["facet_altruism"] = "Altruisme", ["facet_cooperation"] = "Coopération",
        ["facet_modesty"] = "Modestie", ["facet_morality"] = "Intransigeance", ["facet_sympathy"] = "Compassion", ["facet_trust"] = "Confiance",
        ["big5_neuroticism"] = "Réactivité émotionnelle", ["facet_anger"] = "Colérique", ["facet_anxiety"] = "Enclin à s'inquiéter",
        ["facet_depression"] = "Mélancolie", ["facet_immoderation"] = "Immodération", ["facet_self_consciousness"] = "Timidité",
        ["facet_vulnerability"] = "Sensibilité au stress",
        ["need_challenge"] = "Défi", ["need_closeness"] = "Proximité", ["need_curiosity"] = "Curiosité", ["need_excitement"] = "Enthousiasme",
        ["need_harmony"] = "Harmonie", ["need_ideal"] = "Idéal", ["need_liberty"] = "Liberté", ["need_love"] = "Amour",
        ["need_practicality"] = "Sens pratique", ["need_self_expression"] = "Expression de soi", ["need_stability"] = "Stabilité",
        ["need_structure"] = "Structure",
        ["value_conservation"] = "Conservation", ["value_openness_to_change"] = "Ouverture au changement", ["value_hedonism"] = "Hédonisme",
        ["value_self_enhancement"] = "Affirmation de soi", ["value_self_transcendence"] = "Dépassement de soi",
    };

    private static readonly string[] WatsonLanguages = ["ar", "de", "es", "it", "ja", "ko", "pt-br", "zh-cn", "zh-tw"];

    /// <summary>How to name each score for an <c>Accept-Language</c> header, and the warning when English stands in.</summary>
    public static (Func<TraitScore, string> Name, string? Warning) For(string acceptLanguage)
    {
        var asked = acceptLanguage.Split(',')[0].Split(';')[0].Trim().ToLowerInvariant();
        return asked.StartsWith("fr", StringComparison.Ordinal) ? (t => French.GetValueOrDefault(t.TraitId, t.Name), null)
            : WatsonLanguages.Contains(asked) ? (t => t.Name, $"Accept-Language '{asked}': Hearth names traits in English and French only; "
                + "these names are in English")
            : (t => t.Name, null);
    }
}
