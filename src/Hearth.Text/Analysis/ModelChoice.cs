namespace Hearth.Text.Analysis;

/// <summary>
/// Trained models a request uses instead of the shipped ones: <c>sentiment=NAME</c> (a model whose labels include
/// positive and negative), <c>classifications=NAME</c> (any labels, one per document, as Watson NLU's classifications) and
/// <c>entities=NAME</c> (a ner model, in place of the name rules).
/// </summary>
public sealed record ModelChoice(ITextClassifier? Sentiment = null, ITextClassifier? Classifications = null, IEntityModel? Entities = null)
{
    public static ModelChoice None { get; } = new();

    /// <summary>The features a trained model can serve.</summary>
    public static IReadOnlyList<string> Features { get; } = [Feature.Sentiment, Feature.Classifications, Feature.Entities];

    /// <summary>Parses FEATURE=NAME pairs (commas may join several) and loads the models.</summary>
    /// <exception cref="ArgumentException">An unknown feature, a pair without a name, or a sentiment model without polarity labels.</exception>
    public static ModelChoice Parse(IEnumerable<string> pairs, ITrainedModels models) =>
        From(pairs.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(p =>
        {
            var parts = p.Split('=', 2, StringSplitOptions.TrimEntries);
            return parts.Length == 2 && parts[1].Length > 0 ? (parts[0].ToLowerInvariant(), parts[1])
                : throw new ArgumentException($"'{p}' is not FEATURE=MODEL, e.g. sentiment=reviews ('hearth models' lists the models)");
        }), models);

    /// <summary>The models named per feature (feature names as in <see cref="Features"/>).</summary>
    public static ModelChoice From(IEnumerable<(string Feature, string Model)> named, ITrainedModels models)
    {
        var choice = None;
        foreach (var (feature, model) in named)
        {
            choice = feature switch
            {
                Feature.Sentiment => choice with { Sentiment = Polarity.Check(models.Classifier(model)) },
                Feature.Classifications => choice with { Classifications = models.Classifier(model) },
                Feature.Entities => choice with { Entities = models.Entities(model) },
                _ => throw new ArgumentException($"a trained model serves {string.Join(", ", Features)}, not '{feature}'"),
            };
        }

        return choice;
    }
}
