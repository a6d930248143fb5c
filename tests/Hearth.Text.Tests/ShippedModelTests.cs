using System.Numerics.Tensors;
using Hearth.Text.Embeddings;
using Hearth.Text.Heads;
using Hearth.Text.Language;

namespace Hearth.Text.Tests;

/// <summary>What Hearth ships so that it starts fast: trained heads, a prepared model, the quick language model first.</summary>
public sealed class ShippedModelTests
{
    private static readonly string[] Probes =
    [
        "I love this phone, the battery lasts for days.",
        "What a waste of money and time!",
        "The quarterly report shows that revenue grew by four percent.",
        "I am terrified of what the storm will do to the house.",
        "Maybe we could try another approach, I am not sure.",
    ];

    [Fact]
    public void The_shipped_heads_were_trained_on_the_shipped_sets_and_training_again_gives_the_same_answers()
    {
        var shipped = ShippedHeads.Load();
        Assert.True(shipped is not null, "Models/heads.json was not made from the current Models/*.tsv: run 'dotnet run tools/train-heads.cs'");

        using var encoder = new MiniLmEncoder();
        var retrained = ShippedHeads.Train(encoder);
        var vectors = encoder.Encode(Probes);
        var pairs = new[] { (shipped.Sentiment, retrained.Sentiment), (shipped.Emotion, retrained.Emotion), (shipped.Style, retrained.Style) };
        foreach (var (a, b) in pairs)
        {
            Assert.Equal(a.Labels, b.Labels);
            foreach (var v in vectors)
            {
                var (p, q) = (LinearHead.From(a).Probabilities(v), LinearHead.From(b).Probabilities(v));
                Assert.All(p.Zip(q), pair => Assert.Equal(pair.First, pair.Second, 0.01f));
            }
        }

        Assert.Equal(shipped.Categories.Keys, retrained.Categories.Keys);
        Assert.All(shipped.Categories, c => Assert.True(TensorPrimitives.CosineSimilarity(c.Value, retrained.Categories[c.Key]) > 0.999));
        Assert.All(shipped.Personality.Directions.Zip(retrained.Personality.Directions),
            d => Assert.True(TensorPrimitives.CosineSimilarity(d.First, d.Second) > 0.999));
    }

    [Fact]
    public void The_model_prepared_in_the_cache_encodes_as_the_onnx_file_does_and_a_damaged_one_is_made_again()
    {
        var cache = Directory.CreateTempSubdirectory("hearth-cache-").FullName;
        try
        {
            using var plain = new MiniLmEncoder();
            var expected = plain.Encode(Probes);
            using (var first = new MiniLmEncoder(cache: cache))
            {
                Assert.False(first.FromCache);
                AssertSame(expected, first.Encode(Probes));
            }

            var prepared = Assert.Single(Directory.GetFiles(cache));
            Assert.EndsWith(".ort", prepared, StringComparison.Ordinal);
            using (var second = new MiniLmEncoder(cache: cache))
            {
                Assert.True(second.FromCache);
                AssertSame(expected, second.Encode(Probes));
            }

            File.WriteAllBytes(prepared, [.. File.ReadAllBytes(prepared).Take(1000)]);
            using (var third = new MiniLmEncoder(cache: cache))
            {
                Assert.False(third.FromCache);
                AssertSame(expected, third.Encode(Probes));
            }

            Assert.True(new FileInfo(prepared).Length > 80_000_000, "the damaged file was made again");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void The_quick_language_model_answers_for_the_default_language_and_the_full_one_only_when_needed()
    {
        var detector = new LanguageDetector();

        Assert.Equal("en", detector.Detect("Meet Anna in Lyon on Friday: the new GPU cluster is great.").Code);
        Assert.False(detector.FullModelLoaded);
        Assert.Equal("fr", detector.Detect("Anna retrouve l'équipe à Lyon vendredi : le nouveau cluster est formidable.").Code);
        Assert.True(detector.FullModelLoaded);
    }

    private static void AssertSame(float[][] expected, float[][] actual) =>
        Assert.All(expected.Zip(actual), p => Assert.True(TensorPrimitives.CosineSimilarity(p.First, p.Second) > 0.9999));
}
