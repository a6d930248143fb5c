namespace Hearth.Cluster.Jobs;

/// <summary>
/// Durable job, shard, lease and result state: SQLite in the coordinating node's home, or PostgreSQL shared by
/// every node when the cluster keeps its membership there (then any node can coordinate any job). Times are
/// Unix milliseconds on the coordinator's clock; results are keyed by (job, document), so a shard delivered twice
/// is stored once.
/// </summary>
public interface IJobStore
{
    Task CreateAsync(string id, JobRequest request, int shardSize, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Running jobs, oldest first.</summary>
    Task<IReadOnlyList<RunningJob>> RunningAsync(CancellationToken cancellationToken);

    /// <summary>Shards of a job that a worker could take now: never leased, released, or whose lease ran out.</summary>
    Task<int> LeasableAsync(string job, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Leases the job's first leasable shard (with <paramref name="pinnedTo"/>, only a shard whose document has that
    /// id: a per-node job); a shard that used up its attempts fails its job instead, and null comes back.
    /// </summary>
    Task<LeasedShard?> LeaseAsync(
        string job, string worker, DateTimeOffset now, TimeSpan lease, int maxAttempts, string? pinnedTo, CancellationToken cancellationToken);

    /// <summary>The documents of shards not done yet.</summary>
    Task<IReadOnlyList<UnfinishedDocument>> UnfinishedAsync(string job, CancellationToken cancellationToken);

    /// <summary>Stores a shard's lines once; false for a duplicate or late delivery of a shard already done.</summary>
    Task<bool> CompleteAsync(string job, int shard, string worker, IReadOnlyList<string> lines, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Moves the end of a worker's lease on a shard it still holds to <paramref name="until"/> (a long shard: a training run).</summary>
    Task ExtendAsync(string job, int shard, string worker, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives a failed shard back, to be leased again no sooner than <paramref name="notBefore"/>.</summary>
    Task ReleaseAsync(string job, int shard, string worker, string reason, DateTimeOffset notBefore, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken);

    Task<JobProgress?> ProgressAsync(string id, CancellationToken cancellationToken);

    /// <summary>The result lines of a job in input order, read as they are consumed.</summary>
    IAsyncEnumerable<string> ResultsAsync(string id, CancellationToken cancellationToken);
}
