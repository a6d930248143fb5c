namespace Hearth.Cluster.Tests;

public sealed class ClusterJobTests
{
    [Fact]
    public async Task A_job_is_split_over_the_nodes_that_accept_its_kind_and_comes_back_whole_in_input_order()
    {
        await using var test = await TestCluster.StartAsync(3);
        var primary = test.Cluster.Silos[0].Name;

        var job = test.Coordinator(primary).Submit(TestCluster.Documents(40));
        var progress = await TestCluster.Finished(() => test.Coordinator(primary), job);
        var lines = test.Coordinator(primary).Results(job).ToList();

        Assert.Equal("done", progress.State);
        Assert.Equal(10, progress.Shards);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"doc{i:000}"), lines.Select(l => l.Split('@')[0]));
        Assert.Equal(10, progress.ShardsByNode.Values.Sum());
    }
}
