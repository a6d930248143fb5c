using System.Collections.Concurrent;
using System.Security.Cryptography;
using Hearth.Cluster.Nodes;
using Hearth.Text.Analysis;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// The jobs submitted to this node: split into shards, leased to the workers of every node that asks (see
/// <see cref="LeasePolicy"/>), collected once per shard, kept in an <see cref="IJobStore"/> so that nothing is
/// lost when a worker or this node dies. Workers reach it through <see cref="ICoordinatorGrain"/>.
/// </summary>
public sealed partial class JobCoordinator(
    IJobStore store, LocalNode node, IClusterMembershipService membership, HearthClusterOptions options, TimeProvider time, ILogger<JobCoordinator> logger)
{
    private readonly ConcurrentDictionary<string, (double Rate, DateTimeOffset Seen)> workers = new(StringComparer.Ordinal);

    /// <summary>Raised after a job is stored, so that the cluster hears of it before the next heartbeat.</summary>
    public event Action? Submitted;

    public string Submit(JobRequest request)
    {
        var id = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        store.Create(id, request, JobKinds.IsPerNode(request.Kind) ? 1 : options.ShardSize, time.GetUtcNow());
        LogSubmitted(id, request.Kind, request.Documents.Count);
        Submitted?.Invoke();
        return id;
    }

    public int OpenJobs => store.Running().Count;

    public ShardLease? Lease(string worker, string[] roles, double documentsPerSecond)
    {
        var now = time.GetUtcNow();
        workers[worker] = (documentsPerSecond, now);
        var recent = workers.Where(w => w.Key != worker && now - w.Value.Seen < 3 * options.Heartbeat).Select(w => w.Value.Rate).ToList();
        foreach (var (job, kind, features) in store.Running().Where(j => roles.Contains(j.Kind)))
        {
            var perNode = JobKinds.IsPerNode(kind);
            if (perNode)
            {
                AbandonGoneNodes(job, now);
            }
            else if (!LeasePolicy.ShouldLease(documentsPerSecond, recent, store.Leasable(job, now)))
            {
                continue;
            }

            if (store.Lease(job, worker, now, options.Lease, options.MaxAttempts, perNode ? worker : null) is { } lease)
            {
                if (lease.Attempt > 1)
                {
                    LogRetry(job, lease.Shard, lease.Attempt, worker);
                }

                return new ShardLease(job, lease.Shard, node.Name, kind, features,
                    [.. lease.Documents.Select(d => new ShardDocument(d.Index, d.Id, d.Text, d.Error))], lease.Attempt, options.Lease);
            }

            if (store.Progress(job) is { State: "failed" } failed)
            {
                LogFailed(job, failed.Error!);
            }
        }

        return null;
    }

    /// <summary>A per-node shard whose node left the cluster gets an error line, so that its job does not wait forever.</summary>
    private void AbandonGoneNodes(string job, DateTimeOffset now)
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (shard, id) in store.Unfinished(job).Where(u => !active.Contains(u.Id)))
        {
            store.Complete(job, shard, node.Name, [AnalysisLine.Error(id, $"node {id} left the cluster before running its part")], now);
            LogNodeGone(job, id);
        }
    }

    public void Complete(ShardResult result)
    {
        if (!store.Complete(result.JobId, result.Shard, result.Worker, result.Lines, time.GetUtcNow()))
        {
            LogDuplicate(result.JobId, result.Shard, result.Worker);
        }
        else if (store.Progress(result.JobId) is { State: "done" } done)
        {
            LogDone(done.Id, done.Documents, new Shares(done.ShardsByNode));
        }
    }

    public void Fail(string jobId, int shard, string worker, string error)
    {
        var attempts = store.Progress(jobId)?.Retries ?? 0;
        var backoff = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempts, 5))));
        store.Release(jobId, shard, worker, error, time.GetUtcNow() + backoff);
        LogShardFailed(jobId, shard, worker, error);
    }

    public JobProgress? Progress(string id) => store.Progress(id);

    public IReadOnlyList<JobProgress> List() => store.List();

    public IEnumerable<string> Results(string id) => store.Results(id);

    [LoggerMessage(Level = LogLevel.Information, Message = "job {Job}: {Kind} over {Documents} documents submitted")]
    private partial void LogSubmitted(string job, string kind, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {Job}: shard {Shard} leased again (attempt {Attempt}) to {Worker}: its previous lease failed or ran out")]
    private partial void LogRetry(string job, int shard, int attempt, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {Job}: shard {Shard} failed on {Worker}: {Error}; it will be retried")]
    private partial void LogShardFailed(string job, int shard, string worker, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "job {Job}: shard {Shard} from {Worker} was already done; this delivery is ignored")]
    private partial void LogDuplicate(string job, int shard, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "job {Job}: done, {Documents} documents; shards by node: {Shares}")]
    private partial void LogDone(string job, int documents, Shares shares);

    /// <summary>Formatted only when the line is logged.</summary>
    private readonly record struct Shares(IReadOnlyDictionary<string, int> ByNode)
    {
        public override string ToString() => string.Join(", ", ByNode.Select(n => $"{n.Key} {n.Value}"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {Job}: node {Node} left the cluster before running its part; reported in the output")]
    private partial void LogNodeGone(string job, string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "job {Job} failed: {Error}")]
    private partial void LogFailed(string job, string error);
}
