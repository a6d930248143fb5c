namespace Hearth.Cluster.Jobs;

/// <summary>
/// Which worker gets the next shard. Workers ask as soon as they are free, so a faster node takes more shards
/// (work stealing); at the end of a job, a slow node does not take one of the last shards when enough nodes at
/// least twice as fast are asking too: they would finish it sooner, and the job would not wait for a straggler.
/// </summary>
public static class LeasePolicy
{
    public const double MuchFaster = 2;

    /// <param name="mine">The asking worker's measured documents/s (0: not measured yet).</param>
    /// <param name="others">The measured documents/s of the other workers that asked recently.</param>
    /// <param name="remaining">Shards not yet leased.</param>
    public static bool ShouldLease(double mine, IEnumerable<double> others, int remaining) =>
        mine <= 0 || remaining > others.Count(o => o >= MuchFaster * mine);
}
