using System.Diagnostics;
using Hearth.Cluster.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// This node's worker: asks the coordinators that have open jobs for a shard, runs it, and sends the lines back.
/// It asks for the next shard while one runs and delivers results in the background, so the node never waits
/// on the network between shards. A worker that dies simply stops asking; its leases run out and go to others.
/// </summary>
public sealed partial class ShardWorker(
    IGrainFactory grains, NodeAnnouncer announcer, JobCoordinator local, LocalNode node, IEnumerable<IShardRunner> runners,
        ILogger<ShardWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = NextLeaseAsync(stoppingToken);
        var delivery = Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await next.ConfigureAwait(false);
            if (lease is null)
            {
                await Task.Delay(Idle, stoppingToken).ConfigureAwait(false);
                next = NextLeaseAsync(stoppingToken);
                continue;
            }

            next = NextLeaseAsync(stoppingToken); // the following shard, fetched while this one runs
            var result = await RunAsync(lease, stoppingToken).ConfigureAwait(false);
            await delivery.ConfigureAwait(false); // one delivery in flight at a time, in order
            delivery = result is null ? Task.CompletedTask : DeliverAsync(lease, result, stoppingToken);
        }
    }

    private async Task<ShardLease?> NextLeaseAsync(CancellationToken stoppingToken)
    {
        // Which nodes have open jobs, from the registry now rather than from the last heartbeat, so that a new job
        // reaches idle nodes within one poll; this node's own jobs are known at once (a job just submitted here).
        IReadOnlyList<NodeStatus> nodes;
        try
        {
            nodes = await grains.GetGrain<IRegistryGrain>(0).Nodes().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            nodes = announcer.Nodes;
            LogCoordinatorUnreachable("registry", e.Message);
        }

        var coordinators = nodes.Where(n => n.OpenJobs > 0).Select(n => n.Name).OrderBy(_ => Random.Shared.Next()).ToList();
        if (!coordinators.Contains(node.Name) && await local.OpenJobsAsync(stoppingToken).ConfigureAwait(false) > 0)
        {
            coordinators.Insert(0, node.Name);
        }

        foreach (var coordinator in coordinators)
        {
            try
            {
                if (await grains.GetGrain<ICoordinatorGrain>(coordinator).Lease(node.Name, node.Roles, node.DocumentsPerSecond,
                    stoppingToken).ConfigureAwait(false) is { } lease)
                {
                    return lease;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCoordinatorUnreachable(coordinator, e.Message);
            }
        }

        return null;
    }

    /// <summary>Runs a shard; a failure is reported to its coordinator (which retries it) and gives null.</summary>
    private async Task<ShardResult?> RunAsync(ShardLease lease, CancellationToken stoppingToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var runner = runners.FirstOrDefault(r => r.Kind == lease.Kind)
                ?? throw new InvalidOperationException($"this node cannot run '{lease.Kind}' jobs");
            var (lines, words) = await RunKeepingLeaseAsync(runner, lease, stoppingToken).ConfigureAwait(false);
            node.Measured(lease.Documents.Length, watch.Elapsed);
            return new ShardResult(lease.JobId, lease.Shard, node.Name, lines, words, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogShardFailed(lease.JobId, lease.Shard, e.Message);
            try
            {
                await grains.GetGrain<ICoordinatorGrain>(lease.Coordinator).Fail(lease.JobId, lease.Shard, node.Name, e.Message,
                    stoppingToken).ConfigureAwait(false);
            }
            catch (Exception unreachable) when (unreachable is not OperationCanceledException)
            {
                LogCoordinatorUnreachable(lease.Coordinator, unreachable.Message); // the lease will run out instead
            }

            return null;
        }
    }

    /// <summary>Runs the shard while its lease is renewed; the renewals stop with the run, however it ends.</summary>
    private async Task<(string[] Lines, int Words)> RunKeepingLeaseAsync(IShardRunner runner, ShardLease lease,
        CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keeping = KeepLeaseAsync(lease, running.Token);
        try
        {
            return await Task.Run(() => runner.Run(lease, stoppingToken), stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await keeping.ConfigureAwait(false);
        }
    }

    /// <summary>Renews the lease every third of its length while the shard runs (a training run outlasts any lease).</summary>
    private async Task KeepLeaseAsync(ShardLease lease, CancellationToken running)
    {
        var coordinator = grains.GetGrain<ICoordinatorGrain>(lease.Coordinator);
        while (!running.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease.Duration / 3, running).ConfigureAwait(false);
                await coordinator.Extend(lease.JobId, lease.Shard, node.Name, running).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                LogCoordinatorUnreachable(lease.Coordinator, e.Message); // the lease may run out; the shard is then run again
            }
        }
    }

    /// <summary>
    /// Sends a shard's lines; the coordinator may be restarting, so it keeps trying while the lease lasts (after
    /// that the shard is someone else's).
    /// </summary>
    private async Task DeliverAsync(ShardLease lease, ShardResult result, CancellationToken stoppingToken)
    {
        var coordinator = grains.GetGrain<ICoordinatorGrain>(lease.Coordinator);
        var watch = Stopwatch.StartNew();
        for (var wait = TimeSpan.FromMilliseconds(200); watch.Elapsed < lease.Duration; wait *= 2)
        {
            try
            {
                await coordinator.Complete(result, stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCoordinatorUnreachable(lease.Coordinator, e.Message);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "coordinator {Node} did not answer: {Reason}")]
    private partial void LogCoordinatorUnreachable(string node, string reason);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning,
        Message = "job {Job}: shard {Shard} failed here: {Reason}; the coordinator will retry it")]
    private partial void LogShardFailed(string job, int shard, string reason);
}
