namespace Hearth.Text.Personality;

/// <summary>A Big Five trait or one of its facets, as Watson Personality Insights named them.</summary>
/// <param name="Percentile">0..1: where this text falls among Hearth's reference texts.</param>
/// <param name="RawScore">The text's projection on the trait's direction (mean over sentences).</param>
public sealed record TraitScore(string TraitId, string Name, double Percentile, double RawScore, IReadOnlyList<TraitScore> Children);

/// <summary>Big Five with facets, needs and values for one text, and the word-count warning when it is short.</summary>
public sealed record PersonalityProfile(int WordCount, IReadOnlyList<TraitScore> Traits, IReadOnlyList<TraitScore> Needs,
    IReadOnlyList<TraitScore> Values, string? WordCountMessage)
{
    /// <summary>What the figures are worth; shown with every profile.</summary>
    public const string Accuracy =
        "Text-based personality estimates are weak: published predictors correlate only about 0.2-0.3 with questionnaire scores, " +
        "and Hearth's zero-shot model has not been validated against questionnaires. Read percentiles as a hint about how the text is written, "
            + "not about its author.";
}
