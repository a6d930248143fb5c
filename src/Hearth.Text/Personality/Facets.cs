namespace Hearth.Text.Personality;

/// <summary>Watson Personality Insights' Big Five traits and their 30 facets (ids and display names).</summary>
internal static class Facets
{
    public static readonly (string Id, string Name, (string Id, string Name)[] Facets)[] Traits =
    [
        ("big5_openness", "Openness", [
            ("facet_adventurousness", "Adventurousness"), ("facet_artistic_interests", "Artistic interests"), ("facet_emotionality", "Emotionality"),
            ("facet_imagination", "Imagination"), ("facet_intellect", "Intellect"), ("facet_liberalism", "Authority-challenging")]),
        ("big5_conscientiousness", "Conscientiousness", [
            ("facet_achievement_striving", "Achievement striving"), ("facet_cautiousness", "Cautiousness"), ("facet_dutifulness", "Dutifulness"),
            ("facet_orderliness", "Orderliness"), ("facet_self_discipline", "Self-discipline"), ("facet_self_efficacy", "Self-efficacy")]),
        ("big5_extraversion", "Extraversion", [
            ("facet_activity_level", "Activity level"), ("facet_assertiveness", "Assertiveness"), ("facet_cheerfulness", "Cheerfulness"),
            ("facet_excitement_seeking", "Excitement-seeking"), ("facet_friendliness", "Outgoing"), ("facet_gregariousness", "Gregariousness")]),
        ("big5_agreeableness", "Agreeableness", [
            ("facet_altruism", "Altruism"), ("facet_cooperation", "Cooperation"), ("facet_modesty", "Modesty"),
            ("facet_morality", "Uncompromising"), ("facet_sympathy", "Sympathy"), ("facet_trust", "Trust")]),
        ("big5_neuroticism", "Emotional range", [
            ("facet_anger", "Fiery"), ("facet_anxiety", "Prone to worry"), ("facet_depression", "Melancholy"),
            ("facet_immoderation", "Immoderation"), ("facet_self_consciousness", "Self-consciousness"), ("facet_vulnerability",
                "Susceptible to stress")]),
    ];
}
