using System.Numerics.Tensors;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Categories;

/// <summary>A topic category (Watson NLU's label style, e.g. "/sports") and its score in 0..1.</summary>
public sealed record Category(string Label, double Score);

/// <summary>
/// Zero-shot categories: each category is the mean vector of a few sentences typical of it
/// (Models/categories.tsv); a text's scores are a softmax over the cosines between its mean sentence vector and
/// each category. Top level only. Model card: docs/models/README.md.
/// </summary>
public sealed class CategoryModel
{
    /// <summary>Categories scoring less than this are not reported.</summary>
    public const double MinimumScore = 0.1;

    private const float Temperature = 0.05f;

    private readonly (string Label, float[] Centroid)[] categories;

    private CategoryModel((string Label, float[] Centroid)[] categories) => this.categories = categories;

    public IReadOnlyList<string> Labels => [.. categories.Select(c => c.Label)];

    /// <summary>Each category's centroid, as shipped in Models/heads.json.</summary>
    public IReadOnlyDictionary<string, float[]> Centroids => categories.ToDictionary(c => c.Label, c => c.Centroid);

    public static CategoryModel From(IReadOnlyDictionary<string, float[]> centroids) =>
        new([.. centroids.Select(c => (c.Key, c.Value))]);

    public static CategoryModel Train(MiniLmEncoder encoder, IReadOnlyList<(string Text, string Label)> examples)
    {
        var vectors = encoder.Encode([.. examples.Select(e => e.Text)]);
        return new CategoryModel([.. examples.Select(e => e.Label).Distinct()
            .Select(label => (label, Vectors.Centroid(vectors.Where((_, i) => examples[i].Label == label))))]);
    }

    /// <summary>The best categories of a text from its sentence vectors, best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<Category> Classify(IReadOnlyList<float[]> sentences, int limit = 3)
    {
        if (sentences.Count == 0)
        {
            return [];
        }

        var document = Vectors.Centroid(sentences);
        var logits = categories.Select(c => TensorPrimitives.Dot(document, c.Centroid) / Temperature).ToArray();
        var probabilities = new float[logits.Length];
        TensorPrimitives.SoftMax(logits, probabilities);
        return [.. categories.Select((c, i) => new Category(c.Label, Math.Round(probabilities[i], 4)))
            .Where(c => c.Score >= MinimumScore).OrderByDescending(c => c.Score).Take(limit)];
    }
}
