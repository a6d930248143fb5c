using System.Diagnostics;
using Hearth.Cluster.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// This node's worker: asks the coordinators that have open jobs for a shard as soon as it is free, runs it, and
/// sends the lines back. A worker that dies simply stops asking; its leases run out and go to others.
/// </summary>
public sealed partial class ShardWorker(IGrainFactory grains, NodeAnnouncer announcer, LocalNode node, IEnumerable<IShardRunner> runners, ILogger<ShardWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var lease = await NextLease().ConfigureAwait(false);
            if (lease is null)
            {
                await Task.Delay(Idle, stoppingToken).ConfigureAwait(false);
                continue;
            }

            await Run(lease, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<ShardLease?> NextLease()
    {
        foreach (var coordinator in announcer.Nodes.Where(n => n.OpenJobs > 0).OrderBy(_ => Random.Shared.Next()))
        {
            try
            {
                if (await grains.GetGrain<ICoordinatorGrain>(coordinator.Name).Lease(node.Name, node.Roles, node.DocumentsPerSecond).ConfigureAwait(false) is { } lease)
                {
                    return lease;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCoordinatorUnreachable(coordinator.Name, e.Message);
            }
        }

        return null;
    }

    private async Task Run(ShardLease lease, CancellationToken stoppingToken)
    {
        var coordinator = grains.GetGrain<ICoordinatorGrain>(lease.Coordinator);
        var watch = Stopwatch.StartNew();
        ShardResult result;
        try
        {
            var runner = runners.FirstOrDefault(r => r.Kind == lease.Kind) ?? throw new InvalidOperationException($"this node cannot run '{lease.Kind}' jobs");
            var (lines, words) = await Task.Run(() => runner.Run(lease, stoppingToken), stoppingToken).ConfigureAwait(false);
            result = new ShardResult(lease.JobId, lease.Shard, node.Name, lines, words, watch.Elapsed.TotalSeconds);
            node.Measured(lease.Documents.Length, watch.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogShardFailed(lease.JobId, lease.Shard, e.Message);
            await coordinator.Fail(lease.JobId, lease.Shard, node.Name, e.Message).ConfigureAwait(false);
            return;
        }

        // The coordinator may be restarting: keep trying while the lease lasts; after that the shard is someone else's.
        for (var wait = TimeSpan.FromMilliseconds(200); watch.Elapsed < lease.Duration; wait *= 2)
        {
            try
            {
                await coordinator.Complete(result).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCoordinatorUnreachable(lease.Coordinator, e.Message);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "coordinator {Node} did not answer: {Reason}")]
    private partial void LogCoordinatorUnreachable(string node, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {Job}: shard {Shard} failed here: {Reason}; the coordinator will retry it")]
    private partial void LogShardFailed(string job, int shard, string reason);
}
