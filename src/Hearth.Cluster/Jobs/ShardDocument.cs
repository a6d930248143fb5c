namespace Hearth.Cluster.Jobs;

/// <summary>A document of a shard: its place in the job's input, its id, and its text or why it could not be read.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardDocument(int Index, string Id, string? Text, string? Error);
