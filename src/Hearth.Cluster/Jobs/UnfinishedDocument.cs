namespace Hearth.Cluster.Jobs;

/// <summary>A document of a shard that is not done yet.</summary>
public sealed record UnfinishedDocument(int Shard, string Id);
