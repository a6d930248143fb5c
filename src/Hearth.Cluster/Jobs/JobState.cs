namespace Hearth.Cluster.Jobs;

/// <summary>Where a cluster job is in its life; serialised in lower case (API, job store).</summary>
public enum JobState
{
    /// <summary>Some shards are not done yet.</summary>
    Running,

    /// <summary>Every shard is done: the results can be read.</summary>
    Done,

    /// <summary>A shard used up its failure budget; the error says why.</summary>
    Failed,
}
