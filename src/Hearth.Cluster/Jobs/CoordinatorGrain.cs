using Hearth.Cluster.Placement;

namespace Hearth.Cluster.Jobs;

/// <summary>The cluster-wide address of a node's <see cref="JobCoordinator"/>, which owns that node's job store.</summary>
[NodePlacement]
internal sealed class CoordinatorGrain(JobCoordinator coordinator) : Grain, ICoordinatorGrain
{
    public Task<ShardLease?> Lease(string worker, string[] roles, double documentsPerSecond) =>
        Task.FromResult(coordinator.Lease(worker, roles, documentsPerSecond));

    public Task Complete(ShardResult result)
    {
        coordinator.Complete(result);
        return Task.CompletedTask;
    }

    public Task Fail(string jobId, int shard, string worker, string reason)
    {
        coordinator.Fail(jobId, shard, worker, reason);
        return Task.CompletedTask;
    }
}
