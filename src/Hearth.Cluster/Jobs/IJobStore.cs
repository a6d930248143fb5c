namespace Hearth.Cluster.Jobs;

/// <summary>
/// Durable job, shard, lease and result state: SQLite in the coordinating node's home, or PostgreSQL shared by
/// every node when the cluster keeps its membership there (then any node can coordinate any job). Times are
/// Unix milliseconds on the coordinator's clock; results are keyed by (job, document), so a shard delivered twice
/// is stored once.
/// </summary>
public interface IJobStore
{
    void Create(string id, JobRequest request, int shardSize, DateTimeOffset now);

    /// <summary>Running jobs, oldest first.</summary>
    IReadOnlyList<(string Id, string Kind, string[] Features)> Running();

    /// <summary>Shards of a job that a worker could take now: never leased, released, or whose lease ran out.</summary>
    int Leasable(string job, DateTimeOffset now);

    /// <summary>
    /// Leases the job's first leasable shard (with <paramref name="pinnedTo"/>, only a shard whose document has that
    /// id: a per-node job); a shard that used up its attempts fails its job instead.
    /// </summary>
    (int Shard, int Attempt, IReadOnlyList<(int Index, string Id, string? Text, string? Error)> Documents)? Lease(
        string job, string worker, DateTimeOffset now, TimeSpan lease, int maxAttempts, string? pinnedTo = null);

    /// <summary>The ids of the documents of shards not done yet.</summary>
    IReadOnlyList<(int Shard, string Id)> Unfinished(string job);

    /// <summary>Stores a shard's lines once; false for a duplicate or late delivery of a shard already done.</summary>
    bool Complete(string job, int shard, string worker, IReadOnlyList<string> lines, DateTimeOffset now);

    /// <summary>Gives a failed shard back, to be leased again no sooner than <paramref name="notBefore"/>.</summary>
    void Release(string job, int shard, string worker, string reason, DateTimeOffset notBefore);

    IReadOnlyList<JobProgress> List();

    JobProgress? Progress(string id);

    /// <summary>The result lines of a job in input order.</summary>
    IEnumerable<string> Results(string id);
}
