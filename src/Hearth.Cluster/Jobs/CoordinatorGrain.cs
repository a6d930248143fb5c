using Hearth.Cluster.Placement;

namespace Hearth.Cluster.Jobs;

/// <summary>The cluster-wide address of a node's <see cref="JobCoordinator"/>, which owns that node's job store.</summary>
[NodePlacement]
internal sealed class CoordinatorGrain(JobCoordinator coordinator) : Grain, ICoordinatorGrain
{
    public Task<ShardLease?> Lease(string worker, JobKind[] roles, double documentsPerSecond, CancellationToken cancellationToken) =>
        coordinator.LeaseAsync(worker, roles, documentsPerSecond, cancellationToken);

    public Task Complete(ShardResult result, CancellationToken cancellationToken) => coordinator.CompleteAsync(result, cancellationToken);

    public Task Extend(string jobId, int shard, string worker, CancellationToken cancellationToken) =>
        coordinator.ExtendAsync(jobId, shard, worker, cancellationToken);

    public Task Fail(string jobId, int shard, string worker, string reason, CancellationToken cancellationToken) =>
        coordinator.FailAsync(jobId, shard, worker, reason, cancellationToken);
}
