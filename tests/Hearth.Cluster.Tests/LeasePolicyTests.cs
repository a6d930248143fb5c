using Hearth.Cluster.Jobs;

namespace Hearth.Cluster.Tests;

public sealed class LeasePolicyTests
{
    [Theory]
    [InlineData(10, new double[] { 10, 10 }, 1, true)]   // peers as fast: whoever asks first takes it
    [InlineData(10, new double[] { 30 }, 5, true)]       // plenty left: everyone works
    [InlineData(10, new double[] { 30 }, 1, false)]      // the last shard goes to the node three times faster
    [InlineData(10, new double[] { 30, 25 }, 2, false)]  // two fast nodes can take the last two
    [InlineData(10, new double[] { 30, 25 }, 3, true)]
    [InlineData(0, new double[] { 30 }, 1, true)]        // not measured yet: it takes work, and gets measured
    public void Slow_nodes_leave_the_last_shards_to_much_faster_ones(double mine, double[] others, int remaining, bool leased) =>
        Assert.Equal(leased, LeasePolicy.ShouldLease(mine, others, remaining));
}
