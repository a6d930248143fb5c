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
    IJobStore store, LocalNode node, IClusterMembershipService membership, HearthClusterOptions options, TimeProvider time,
        ILogger<JobCoordinator> logger)
{
    private readonly ConcurrentDictionary<string, (double Rate, DateTimeOffset Seen)> workers = new(StringComparer.Ordinal);

    /// <summary>Raised after a job is stored, so that the cluster hears of it before the next heartbeat.</summary>
    public event Action? Submitted;

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var id = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        await store.CreateAsync(id, request, request.Kind.IsPerNode() ? 1 : options.ShardSize, time.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        LogSubmitted(id, request.Kind, request.Documents.Count);
        Submitted?.Invoke();
        return id;
    }

    /// <summary>Jobs this node coordinates that are not finished.</summary>
    public async Task<int> OpenJobsAsync(CancellationToken cancellationToken) =>
        (await store.RunningAsync(cancellationToken).ConfigureAwait(false)).Count;

    public async Task<ShardLease?> LeaseAsync(string worker, JobKind[] roles, double documentsPerSecond, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        workers[worker] = (documentsPerSecond, now);
        var recent = workers.Where(w => w.Key != worker && now - w.Value.Seen < 3 * options.Heartbeat).Select(w => w.Value.Rate).ToList();
        foreach (var job in (await store.RunningAsync(cancellationToken).ConfigureAwait(false)).Where(j => roles.Contains(j.Kind)))
        {
            var perNode = job.Kind.IsPerNode();
            if (perNode)
            {
                await AbandonGoneNodesAsync(job.Id, now, cancellationToken).ConfigureAwait(false);
            }
            else if (!LeasePolicy.ShouldLease(documentsPerSecond, recent,
                await store.LeasableAsync(job.Id, now, cancellationToken).ConfigureAwait(false)))
            {
                continue;
            }

            var lease = await store.LeaseAsync(job.Id, worker, now, options.Lease, options.MaxAttempts, perNode ? worker : null, cancellationToken)
                .ConfigureAwait(false);
            if (lease is not null)
            {
                if (lease.Attempt > 1)
                {
                    LogRetry(job.Id, lease.Shard, lease.Attempt, worker);
                }

                return new ShardLease(job.Id, lease.Shard, node.Name, job.Kind, job.Features, job.Bench, [.. lease.Documents], lease.Attempt,
                    options.Lease, job.Models);
            }

            if (await store.ProgressAsync(job.Id, cancellationToken).ConfigureAwait(false) is { State: JobState.Failed } failed)
            {
                LogFailed(job.Id, failed.Error!);
            }
        }

        return null;
    }

    /// <summary>A per-node shard whose node left the cluster gets an error line, so that its job does not wait forever.</summary>
    private async Task AbandonGoneNodesAsync(string job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m =>
            m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in (await store.UnfinishedAsync(job, cancellationToken).ConfigureAwait(false)).Where(u => !active.Contains(u.Id)))
        {
            var line = AnalysisLine.Error(gone.Id, $"node {gone.Id} left the cluster before running its part");
            await store.CompleteAsync(job, gone.Shard, node.Name, [line], now, cancellationToken).ConfigureAwait(false);
            LogNodeGone(job, gone.Id);
        }
    }

    public async Task CompleteAsync(ShardResult result, CancellationToken cancellationToken)
    {
        if (!await store.CompleteAsync(result.JobId, result.Shard, result.Worker, result.Lines, time.GetUtcNow(),
            cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(result.JobId, result.Shard, result.Worker);
        }
        else if (await store.ProgressAsync(result.JobId, cancellationToken).ConfigureAwait(false) is { State: JobState.Done } done)
        {
            LogDone(done.Id, done.Documents, new Shares(done.ShardsByNode));
        }
    }

    /// <summary>A worker still runs the shard: its lease lasts one more lease period from now.</summary>
    public Task ExtendAsync(string jobId, int shard, string worker, CancellationToken cancellationToken) =>
        store.ExtendAsync(jobId, shard, worker, time.GetUtcNow() + options.Lease, cancellationToken);

    public async Task FailAsync(string jobId, int shard, string worker, string error, CancellationToken cancellationToken)
    {
        var attempts = (await store.ProgressAsync(jobId, cancellationToken).ConfigureAwait(false))?.Retries ?? 0;
        var backoff = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(attempts, 5))));
        await store.ReleaseAsync(jobId, shard, worker, error, time.GetUtcNow() + backoff, cancellationToken).ConfigureAwait(false);
        LogShardFailed(jobId, shard, worker, error);
    }

    public Task<JobProgress?> ProgressAsync(string id, CancellationToken cancellationToken) => store.ProgressAsync(id, cancellationToken);

    public Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public IAsyncEnumerable<string> ResultsAsync(string id, CancellationToken cancellationToken) => store.ResultsAsync(id, cancellationToken);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "job {Job}: {Kind} over {Documents} documents submitted")]
    private partial void LogSubmitted(string job, JobKind kind, int documents);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "job {Job}: shard {Shard} leased again (attempt {Attempt}) to {Worker}: its previous lease failed or ran out")]
    private partial void LogRetry(string job, int shard, int attempt, string worker);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "job {Job}: shard {Shard} failed on {Worker}: {Error}; it will be retried")]
    private partial void LogShardFailed(string job, int shard, string worker, string error);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information,
        Message = "job {Job}: shard {Shard} from {Worker} was already done; this delivery is ignored")]
    private partial void LogDuplicate(string job, int shard, string worker);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "job {Job}: done, {Documents} documents; shards by node: {Shares}")]
    private partial void LogDone(string job, int documents, Shares shares);

    /// <summary>Formatted only when the line is logged.</summary>
    private readonly record struct Shares(IReadOnlyDictionary<string, int> ByNode)
    {
        public override string ToString() => string.Join(", ", ByNode.Select(n => $"{n.Key} {n.Value}"));
    }

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning,
        Message = "job {Job}: node {Node} left the cluster before running its part; reported in the output")]
    private partial void LogNodeGone(string job, string node);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Error, Message = "job {Job} failed: {Error}")]
    private partial void LogFailed(string job, string error);
}
