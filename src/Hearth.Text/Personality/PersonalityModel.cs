using System.Numerics.Tensors;
using Hearth.Text.Embeddings;

namespace Hearth.Text.Personality;

/// <summary>
/// Big Five with facets, needs and values from text, zero-shot: each facet, need and value is a direction in MiniLM space, from statements in the
/// style of the public-domain IPIP-NEO items (Models/personality.tsv: mean of the high-pole items minus mean of the
/// low-pole ones). A text's raw score is the mean projection of its sentences; its percentile places that score
/// among windows of Hearth's own reference sentences. Model card: docs/models/README.md.
/// </summary>
public sealed class PersonalityModel
{
    /// <summary>Below this, no profile (as Watson Personality Insights did).</summary>
    public const int MinimumWords = 100;

    /// <summary>Below this, a profile with a warning that the estimates are not significant.</summary>
    public const int SignificantWords = 600;

    private const int ReferenceWindow = 8;

    private readonly float[][] directions;
    private readonly Norm[] facetNorms;
    private readonly Norm[] traitNorms;

    private PersonalityModel(float[][] directions, Norm[] facetNorms, Norm[] traitNorms)
    {
        this.directions = directions;
        this.facetNorms = facetNorms;
        this.traitNorms = traitNorms;
    }

    /// <summary>The model's trained parameters, as shipped in Models/heads.json.</summary>
    public PersonalityWeights Weights => new(directions, [.. facetNorms.Select(n => n.ToArray())], [.. traitNorms.Select(n => n.ToArray())]);

    public static PersonalityModel From(PersonalityWeights trained) => new(trained.Directions,
        [.. trained.FacetNorms.Select(Norm.From)], [.. trained.TraitNorms.Select(Norm.From)]);

    /// <param name="items">"facet_id+" or "facet_id-" labelled statements.</param>
    /// <param name="reference">Sentences whose windows define the percentiles (several hundred, varied).</param>
    public static PersonalityModel Train(MiniLmEncoder encoder, IReadOnlyList<(string Text, string Label)> items, IReadOnlyList<string> reference)
    {
        var vectors = encoder.Encode([.. items.Select(i => i.Text)]);
        var directions = Facets.Dimensions.Select(facet =>
        {
            var high = Vectors.Mean(vectors.Where((_, i) => items[i].Label == facet.Id + "+"));
            var low = Vectors.Mean(vectors.Where((_, i) => items[i].Label == facet.Id + "-"));
            var direction = new float[MiniLmEncoder.Dimensions];
            TensorPrimitives.Subtract(high, low, direction);
            return direction;
        }).ToArray();
        // A fixed shuffle, so that a window mixes sentences from every part of the reference set.
        var shuffled = encoder.Encode([.. reference.OrderBy(s => StableHash(s))]);
        var windows = Enumerable.Range(0, shuffled.Length)
            .Select(i => FacetScores(directions, [.. Enumerable.Range(i, ReferenceWindow).Select(j => shuffled[j % shuffled.Length])]))
            .ToList();
        return new PersonalityModel(
            directions,
            [.. Enumerable.Range(0, directions.Length).Select(f => Norm.Of(windows.Select(w => w[f])))],
            [.. Enumerable.Range(0, Facets.Traits.Length).Select(t => Norm.Of(windows.Select(w => TraitScore(w, t))))]);
    }

    /// <summary>Watson's error for a text too short to profile, or null when it is long enough.</summary>
    public static string? TooFewWords(int words) => words < MinimumWords
        ? $"The number of words {words} is less than the minimum number of words required for analysis: {MinimumWords}"
        : null;

    /// <summary>The profile of a text from its sentence vectors; the text must have at least <see cref="MinimumWords"/> words.</summary>
    public PersonalityProfile Profile(IReadOnlyList<float[]> sentences, int words)
    {
        if (TooFewWords(words) is { } error)
        {
            throw new ArgumentException(error, nameof(words));
        }

        var scores = FacetScores(directions, sentences);
        var facet = 0;
        var traits = Facets.Traits.Select((trait, t) =>
        {
            var children = trait.Facets.Select(f => Score(f.Id, f.Name, scores[facet], facetNorms[facet++], [])).ToList();
            return Score(trait.Id, trait.Name, TraitScore(scores, t), traitNorms[t], children);
        }).ToList();
        var needs = Facets.Needs.Select(n => Score(n.Id, n.Name, scores[facet], facetNorms[facet++], [])).ToList();
        var values = Facets.Values.Select(v => Score(v.Id, v.Name, scores[facet], facetNorms[facet++], [])).ToList();
        var message = words < SignificantWords
            ? $"There were {words} words in the input. We need a minimum of {SignificantWords}, preferably 1,200 or more, to compute "
                + $"statistically significant estimates"
            : null;
        return new PersonalityProfile(words, traits, needs, values, message);
    }

    private static TraitScore Score(string id, string name, double raw, Norm norm, IReadOnlyList<TraitScore> children) =>
        new(id, name, Math.Round(norm.Percentile(raw), 4), Math.Round(raw, 4), children);

    private static double[] FacetScores(float[][] directions, IReadOnlyList<float[]> sentences) =>
        [.. directions.Select(d => sentences.Count == 0 ? 0 : sentences.Average(s => (double)TensorPrimitives.Dot(s, d)))];

    private static double TraitScore(double[] facetScores, int trait) => facetScores.Skip(trait * 6).Take(6).Average();

    private static uint StableHash(string s) => s.Aggregate(2166136261u, (h, c) => (h ^ c) * 16777619u);

    private readonly record struct Norm(double Mean, double Sd)
    {
        public static Norm Of(IEnumerable<double> values)
        {
            var list = values.ToList();
            var mean = list.Average();
            return new Norm(mean, Math.Max(1e-6, Math.Sqrt(list.Average(v => (v - mean) * (v - mean)))));
        }

        public static Norm From(double[] meanAndSd) => new(meanAndSd[0], meanAndSd[1]);

        public double[] ToArray() => [Mean, Sd];

        public double Percentile(double raw) => 0.5 * (1 + Erf((raw - Mean) / (Sd * Math.Sqrt(2))));

        // Abramowitz & Stegun 7.1.26 (error below 1.5e-7).
        private static double Erf(double x)
        {
            var t = 1 / (1 + (0.3275911 * Math.Abs(x)));
            var y = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
            return Math.Sign(x) * y;
        }
    }
}

/// <summary>
/// The personality model's parameters: one direction per facet, and the mean and standard deviation ([mean, sd]) of the
/// reference windows' scores per facet and per trait, from which percentiles are read.
/// </summary>
public sealed record PersonalityWeights(float[][] Directions, double[][] FacetNorms, double[][] TraitNorms);
