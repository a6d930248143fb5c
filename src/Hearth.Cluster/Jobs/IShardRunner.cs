namespace Hearth.Cluster.Jobs;

/// <summary>Runs a shard on this node: one output line per document, in order.</summary>
public interface IShardRunner
{
    /// <summary>The job kind it runs.</summary>
    JobKind Kind { get; }

    (string[] Lines, int Words) Run(ShardLease lease, CancellationToken cancellationToken);
}
