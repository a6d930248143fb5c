namespace Hearth.Cluster.Jobs;

/// <summary>A shard's output: one JSON line per document, in the shard's order.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardResult(string JobId, int Shard, string Worker, string[] Lines, int Words, double Seconds);
