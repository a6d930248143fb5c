namespace Hearth.Cluster.Jobs;

/// <summary>What each node of a bench job measures: SGEMM sizes (null: the default sweep) and whether to run the embedding model.</summary>
[GenerateSerializer, Immutable]
public sealed record BenchRequest([property: Id(0)] IReadOnlyList<int>? Sizes, [property: Id(1)] bool Ai);
