using Hearth.Text.Categories;
using Hearth.Text.Embeddings;
using Hearth.Text.Heads;
using Hearth.Text.Personality;
using Hearth.Text.Sentiment;

namespace Hearth.Text;

/// <summary>
/// The text models, loaded on first use and shared: the runtime's one MiniLM encoder (on CUDA where it really runs,
/// else the CPU) and the heads trained on it, shipped trained (<see cref="ShippedHeads"/>). Model cards: docs/models/README.md,
/// or <c>hearth models</c>.
/// </summary>
/// <param name="runtime">The encoder runtime the doctor proves; its encoder is the one every head reads.</param>
/// <param name="sentimentExamples">Examples to train the sentiment head on; null for the ones shipped with Hearth.</param>
public sealed class TextModels(EncoderRuntime runtime, IReadOnlyList<(string Text, int Label)>? sentimentExamples = null)
{
    private readonly Lazy<ShippedHeads> heads = new(() => ShippedHeads.Load() ?? ShippedHeads.Train(runtime.Encoder));
    private SentimentModel? sentiment;
    private LinearHead? emotion;
    private LinearHead? style;
    private PersonalityModel? personality;
    private CategoryModel? categories;

    public MiniLmEncoder Encoder => runtime.Encoder;

    /// <summary>The shipped sentiment head, or one trained on the examples given.</summary>
    public SentimentModel Sentiment => sentiment ??= sentimentExamples is null
        ? SentimentModel.From(heads.Value.Sentiment)
        : SentimentModel.Train(Encoder, sentimentExamples);

    public LinearHead Emotion => emotion ??= LinearHead.From(heads.Value.Emotion);

    /// <summary>Language style: analytical, confident, tentative, or none.</summary>
    public LinearHead Style => style ??= LinearHead.From(heads.Value.Style);

    /// <summary>Topic categories, zero-shot from a few typical sentences per category.</summary>
    public CategoryModel Categories => categories ??= CategoryModel.From(heads.Value.Categories);

    /// <summary>Big Five with facets; percentiles among windows of the sentences of every shipped training set.</summary>
    public PersonalityModel Personality => personality ??= PersonalityModel.From(heads.Value.Personality);

    /// <summary>Loads the encoder and the heads now: a process that will need them loads them while it does other work.</summary>
    public void Load()
    {
        _ = Encoder;
        _ = heads.Value;
    }

    /// <summary>The model cards of Hearth's text models (what they were trained on, measured quality).</summary>
    public static string ModelCards()
    {
        using var stream = typeof(TextModels).Assembly.GetManifestResourceStream("Hearth.Text.Models.model-cards.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
