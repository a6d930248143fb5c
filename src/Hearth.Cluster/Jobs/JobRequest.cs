using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>A job to run over the cluster: its kind, what to compute, and its input documents in order.</summary>
/// <param name="Features">For <see cref="JobKind.Analyze"/>: the features to compute (empty: all).</param>
/// <param name="Documents">The inputs; for a per-node kind, one per node, named after it.</param>
/// <param name="Bench">For <see cref="JobKind.Bench"/>: what each node measures.</param>
/// <param name="Models">For <see cref="JobKind.Analyze"/>: trained models to use instead of the shipped ones, FEATURE=NAME.</param>
public sealed record JobRequest(JobKind Kind,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(Hearth.Text.Analysis.FeatureListConverter))] IReadOnlyList<string> Features,
    IReadOnlyList<InputDocument> Documents, BenchRequest? Bench = null, IReadOnlyList<string>? Models = null);
