namespace Hearth.Cluster.Jobs;

/// <summary>Where a cluster job stands (docs/cluster.md).</summary>
/// <param name="ShardsByNode">Shards each node completed: the share of the work it took.</param>
public sealed record JobProgress(
    string Id,
    JobKind Kind,
    JobState State,
    int Documents,
    int Shards,
    int ShardsDone,
    int Retries,
    IReadOnlyDictionary<string, int> ShardsByNode,
    DateTimeOffset Created,
    DateTimeOffset? Finished,
    string? Error);
