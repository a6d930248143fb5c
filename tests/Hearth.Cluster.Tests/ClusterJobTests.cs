using Hearth.Cluster.Jobs;
using Hearth.Text.Input;

namespace Hearth.Cluster.Tests;

/// <summary>Jobs on a real multi-silo Orleans cluster in this process, with nodes killed and restarted mid-job.</summary>
public sealed class ClusterJobTests
{
    private const string Primary = "Silo_0";

    [Fact]
    public async Task A_job_is_split_over_the_nodes_and_comes_back_whole_in_input_order()
    {
        await using var test = await TestCluster.StartAsync(3);
        string[] nodes = ["Silo_0", "Silo_1", "Silo_2"];
        Array.ForEach(nodes, test.Runner.Hold); // each node holds its first shard until all three have one

        var job = await test.Coordinator(Primary).SubmitAsync(TestCluster.Documents(40), CancellationToken.None);
        foreach (var node in nodes)
        {
            await test.Started(node);
        }

        test.Runner.ReleaseAll();
        var progress = await TestCluster.Finished(() => test.Coordinator(Primary), job);
        var lines = await test.Coordinator(Primary).ResultsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(10, progress.Shards);
        Assert.Equal(Expected(40), lines.Select(l => l.Split('@')[0]));
        Assert.Equal(10, progress.ShardsByNode.Values.Sum());
        Assert.Equal(nodes, progress.ShardsByNode.Keys);
    }

    [Fact]
    public async Task A_node_that_does_not_take_this_kind_of_work_gets_no_shard()
    {
        await using var test = await TestCluster.StartAsync(3,
            name => name == "Silo_2" ? TestCluster.Fast(JobKind.SentimentInt8) : TestCluster.Fast());

        var job = await test.Coordinator(Primary).SubmitAsync(TestCluster.Documents(40), CancellationToken.None);
        var progress = await TestCluster.Finished(() => test.Coordinator(Primary), job);

        Assert.Equal(JobState.Done, progress.State);
        Assert.DoesNotContain("Silo_2", progress.ShardsByNode.Keys);
        Assert.DoesNotContain(test.Runner.Started, s => s.Node == "Silo_2");
    }

    [Fact]
    public async Task Killing_a_node_in_the_middle_of_a_job_loses_and_duplicates_nothing()
    {
        await using var test = await TestCluster.StartAsync(3);
        string[] nodes = [Primary, "Silo_1", "Silo_2"];
        Array.ForEach(nodes, test.Runner.Hold); // each holds its first shard: Silo_1 is sure to get one

        var job = await test.Coordinator(Primary).SubmitAsync(TestCluster.Documents(60), CancellationToken.None);
        await test.Started("Silo_1");
        await test.Cluster.KillSiloAsync(test.Silo("Silo_1")); // it never finishes its shard
        test.Runner.Release(Primary);
        test.Runner.Release("Silo_2");
        var progress = await TestCluster.Finished(() => test.Coordinator(Primary), job);
        var lines = await test.Coordinator(Primary).ResultsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(Expected(60), lines.Select(l => l.Split('@')[0]));
        Assert.DoesNotContain(lines, l => l.EndsWith("@Silo_1", StringComparison.Ordinal));
        Assert.True(progress.Retries >= 1, "the killed node's shard was leased again");
    }

    [Fact]
    public async Task A_restarted_coordinator_resumes_its_job_from_its_store()
    {
        await using var test = await TestCluster.StartAsync(2);
        const string Coordinator = "Silo_1";
        test.Runner.Hold(Primary);
        test.Runner.Hold(Coordinator);

        var job = await test.Coordinator(Coordinator).SubmitAsync(TestCluster.Documents(20), CancellationToken.None);
        await test.Started(Primary);
        await test.Cluster.RestartSiloAsync(test.Silo(Coordinator)); // a graceful stop, then a new silo of the same name and home
        test.Runner.Release(Primary);
        test.Runner.Release(Coordinator);
        var progress = await TestCluster.Finished(() => test.Coordinator(Coordinator), job);
        var lines = await test.Coordinator(Coordinator).ResultsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(Expected(20), lines.Select(l => l.Split('@')[0]));
    }

    [Fact]
    public async Task A_per_node_job_runs_once_on_each_named_node_and_reports_a_node_that_is_gone()
    {
        await using var test = await TestCluster.StartAsync(3);
        string[] nodes = [Primary, "Silo_1", "Silo_2", "gone-node"];

        var job = await test.Coordinator(Primary).SubmitAsync(new JobRequest(JobKind.Bench, [],
            [.. nodes.Select(n => new InputDocument(n, "", null))], new BenchRequest(null, Ai: false)), CancellationToken.None);
        var progress = await TestCluster.Finished(() => test.Coordinator(Primary), job);
        var lines = await test.Coordinator(Primary).ResultsAsync(job, CancellationToken.None).ToListAsync();

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(["Silo_0@Silo_0", "Silo_1@Silo_1", "Silo_2@Silo_2"], lines.Take(3));
        Assert.Contains("node gone-node left the cluster before running its part", lines[3], StringComparison.Ordinal);
    }

    private static IEnumerable<string> Expected(int count) => Enumerable.Range(0, count).Select(i => $"doc{i:000}");
}
