namespace Hearth.Cluster.Jobs;

/// <summary>The jobs a node coordinates, reached from any node; its key is that node's name.</summary>
public interface ICoordinatorGrain : IGrainWithStringKey
{
    /// <summary>A shard for this worker, or null when none is ready or a faster node should take what is left.</summary>
    Task<ShardLease?> Lease(string worker, JobKind[] roles, double documentsPerSecond, CancellationToken cancellationToken = default);

    /// <summary>Stores a shard's lines once, whatever the number of deliveries.</summary>
    Task Complete(ShardResult result, CancellationToken cancellationToken = default);

    /// <summary>The worker still runs the shard: its lease is renewed.</summary>
    Task Extend(string jobId, int shard, string worker, CancellationToken cancellationToken = default);

    /// <summary>A system failure on the worker: the shard is retried later, elsewhere if need be.</summary>
    Task Fail(string jobId, int shard, string worker, string reason, CancellationToken cancellationToken = default);
}
