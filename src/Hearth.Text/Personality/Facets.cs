namespace Hearth.Text.Personality;

/// <summary>Watson Personality Insights' Big Five traits and their 30 facets, its 12 needs and 5 values (ids and display names).</summary>
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

    public static readonly (string Id, string Name)[] Needs =
    [
        ("need_challenge", "Challenge"), ("need_closeness", "Closeness"), ("need_curiosity", "Curiosity"), ("need_excitement", "Excitement"),
        ("need_harmony", "Harmony"), ("need_ideal", "Ideal"), ("need_liberty", "Liberty"), ("need_love", "Love"),
        ("need_practicality", "Practicality"), ("need_self_expression", "Self-expression"), ("need_stability", "Stability"),
        ("need_structure", "Structure"),
    ];

    public static readonly (string Id, string Name)[] Values =
    [
        ("value_conservation", "Conservation"), ("value_openness_to_change", "Openness to change"), ("value_hedonism", "Hedonism"),
        ("value_self_enhancement", "Self-enhancement"), ("value_self_transcendence", "Self-transcendence"),
    ];

    /// <summary>Every scored dimension in the model's order: the 30 facets, then the needs, then the values.</summary>
    public static readonly (string Id, string Name)[] Dimensions = [.. Traits.SelectMany(t => t.Facets), .. Needs, .. Values];
}
