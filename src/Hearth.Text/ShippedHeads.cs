using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hearth.Text.Categories;
using Hearth.Text.Embeddings;
using Hearth.Text.Heads;
using Hearth.Text.Personality;
using Hearth.Text.Sentiment;

namespace Hearth.Text;

/// <summary>
/// The heads trained on the shipped training sets (Models/*.tsv), shipped as Models/heads.json so that nothing is trained
/// at start-up. <see cref="TrainingSets"/> fingerprints the sets they were trained on: when a set changes and the weights
/// were not made again (<c>dotnet run tools/train-heads.cs</c>), Hearth trains from the sets instead, and a test fails.
/// </summary>
public sealed record ShippedHeads(
    string TrainingSets,
    HeadWeights Sentiment,
    HeadWeights Emotion,
    HeadWeights Style,
    IReadOnlyDictionary<string, float[]> Categories,
    PersonalityWeights Personality)
{
    /// <summary>Where the shipped weights are kept in the repository, for tools/train-heads.cs.</summary>
    public const string File = "src/Hearth.Text/Models/heads.json";

    private static readonly string[] ReferenceSets = ["sentiment.tsv", "emotion.tsv", "style.tsv"];

    private static readonly string[] AllSets = [.. ReferenceSets, "categories.tsv", "personality.tsv"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The SHA-256 of the shipped training sets (and of the encoder's name), as heads.json records it.</summary>
    public static string CurrentTrainingSets()
    {
        var text = string.Join("\n", AllSets.Select(Resources.Text).Prepend(MiniLmEncoder.Name));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The shipped weights, or null when they were trained on other sets than the shipped ones (or are missing).</summary>
    public static ShippedHeads? Load()
    {
        using var stream = typeof(ShippedHeads).Assembly.GetManifestResourceStream("Hearth.Text.Models.heads.json");
        var heads = stream is null ? null : JsonSerializer.Deserialize<ShippedHeads>(stream, Json);
        return heads?.TrainingSets == CurrentTrainingSets() ? heads : null;
    }

    /// <summary>Trains every head from the shipped sets (about 10 CPU-seconds).</summary>
    public static ShippedHeads Train(MiniLmEncoder encoder) => new(
        CurrentTrainingSets(),
        SentimentModel.Train(encoder, SentimentModel.ShippedExamples()).Weights,
        LinearHead.Train(encoder, Resources.Examples("emotion.tsv")).Weights,
        LinearHead.Train(encoder, Resources.Examples("style.tsv")).Weights,
        CategoryModel.Train(encoder, Resources.Examples("categories.tsv")).Centroids,
        PersonalityModel.Train(encoder, Resources.Examples("personality.tsv"),
            [.. ReferenceSets.SelectMany(Resources.Examples).Select(e => e.Text)]).Weights);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
