namespace Hearth.Cluster.Jobs;

/// <summary>Where a shard is, in the job store (lower case there).</summary>
internal enum ShardState
{
    /// <summary>Waiting for a worker (never leased, or given back after a failure).</summary>
    Pending,

    /// <summary>A worker holds it until its lease runs out.</summary>
    Leased,

    /// <summary>Its lines are stored.</summary>
    Done,
}
