using Hearth.Text.Categories;
using Hearth.Text.Embeddings;
using Hearth.Text.Heads;
using Hearth.Text.Personality;
using Hearth.Text.Sentiment;

namespace Hearth.Text;

/// <summary>
/// The text models, loaded on first use and shared: the runtime's one MiniLM encoder (on CUDA where it really runs,
/// else the CPU) and the heads trained on it. Model cards: docs/models/README.md, or <c>hearth models</c>.
/// </summary>
/// <param name="runtime">The encoder runtime the doctor proves; its encoder is the one every head reads.</param>
/// <param name="sentimentExamples">Examples to train the sentiment head on; null for the ones shipped with Hearth.</param>
public sealed class TextModels(EncoderRuntime runtime, IReadOnlyList<(string Text, int Label)>? sentimentExamples = null)
{
    private static readonly string[] ReferenceSets = ["sentiment.tsv", "emotion.tsv", "style.tsv"];
    private SentimentModel? sentiment;
    private LinearHead? emotion;
    private LinearHead? style;
    private PersonalityModel? personality;
    private CategoryModel? categories;

    public MiniLmEncoder Encoder => runtime.Encoder;

    public SentimentModel Sentiment => sentiment ??= SentimentModel.Train(Encoder, sentimentExamples ?? SentimentModel.ShippedExamples());

    public LinearHead Emotion => emotion ??= LinearHead.Train(Encoder, Resources.Examples("emotion.tsv"));

    /// <summary>Language style: analytical, confident, tentative, or none.</summary>
    public LinearHead Style => style ??= LinearHead.Train(Encoder, Resources.Examples("style.tsv"));

    /// <summary>Topic categories, zero-shot from a few typical sentences per category.</summary>
    public CategoryModel Categories => categories ??= CategoryModel.Train(Encoder, Resources.Examples("categories.tsv"));

    /// <summary>Big Five with facets; percentiles among windows of the sentences of every shipped training set.</summary>
    public PersonalityModel Personality => personality ??= PersonalityModel.Train(
        Encoder,
        Resources.Examples("personality.tsv"),
        [.. ReferenceSets.SelectMany(Resources.Examples).Select(e => e.Text)]);

    /// <summary>The model cards of Hearth's text models (what they were trained on, measured quality).</summary>
    public static string ModelCards()
    {
        using var stream = typeof(TextModels).Assembly.GetManifestResourceStream("Hearth.Text.Models.model-cards.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
