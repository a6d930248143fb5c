using System.Collections.Concurrent;
using Hearth.Cluster.Jobs;

namespace Hearth.Cluster.Tests;

/// <summary>
/// A shard runner for cluster tests: each document becomes "id@node", and a node can be held (it takes a shard
/// and does not finish it) to play a node that hangs or is about to be killed.
/// </summary>
internal sealed class ScriptedRunner
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> held = new(StringComparer.Ordinal);

    /// <summary>Shards each node started, in order: (node, job, shard).</summary>
    public ConcurrentQueue<(string Node, string Job, int Shard)> Started { get; } = new();

    private readonly ConcurrentDictionary<string, bool> failing = new(StringComparer.Ordinal);

    /// <summary>Every shard this node starts fails with a system error (a crash, a device gone).</summary>
    public void FailAlways(string node) => failing[node] = true;

    public void Hold(string node) => held[node] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string node)
    {
        if (held.TryRemove(node, out var gate))
        {
            gate.TrySetResult();
        }
    }

    public void ReleaseAll()
    {
        foreach (var node in held.Keys)
        {
            Release(node);
        }
    }

    public IShardRunner For(string node, JobKind kind = JobKind.Analyze) => new Runner(this, node, kind);

    private sealed class Runner(ScriptedRunner script, string node, JobKind kind) : IShardRunner
    {
        public JobKind Kind => kind;

        public (string[] Lines, int Words) Run(ShardLease lease, CancellationToken cancellationToken)
        {
            script.Started.Enqueue((node, lease.JobId, lease.Shard));
            if (script.failing.ContainsKey(node))
            {
                throw new InvalidOperationException($"{node} lost its device");
            }

            if (script.held.TryGetValue(node, out var gate))
            {
                gate.Task.Wait(cancellationToken);
            }

            return ([.. lease.Documents.Select(d => d.Text is null ? $"{d.Id}!{d.Error}" : $"{d.Id}@{node}")], lease.Documents.Length);
        }
    }
}
