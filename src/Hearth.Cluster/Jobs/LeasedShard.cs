using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>A shard just leased: its attempt (1 the first time) and its documents in input order.</summary>
public sealed record LeasedShard(int Shard, int Attempt, IReadOnlyList<InputDocument> Documents);
