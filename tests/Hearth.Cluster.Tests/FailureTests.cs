using Hearth.Cluster.Jobs;
using Hearth.Cluster.Nodes;

namespace Hearth.Cluster.Tests;

/// <summary>System failures are retried with back-off within a budget; bad documents are reported, not retried.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_shard_that_keeps_failing_spends_the_budget_and_fails_its_job_with_the_reason()
    {
        await using var test = await TestCluster.StartAsync(1, _ => WithBudget(2));
        test.Runner.FailAlways("Silo_0");

        var job = await test.Coordinator("Silo_0").SubmitAsync(TestCluster.Documents(4), CancellationToken.None);
        var progress = await TestCluster.Finished(() => test.Coordinator("Silo_0"), job);

        Assert.Equal(JobState.Failed, progress.State);
        Assert.Equal("shard 0 was tried 2 times (the failure budget); last: Silo_0 lost its device", progress.Error);
        Assert.Equal(2, test.Runner.Started.Count);
    }

    [Fact]
    public async Task An_unreadable_document_is_an_error_line_in_its_place_and_is_not_retried()
    {
        await using var test = await TestCluster.StartAsync(1);
        var request = new JobRequest(JobKind.Analyze, ["language"],
            [new("a", "fine", null), new("b", null, "unreadable: binary data"), new("c", "fine too", null)]);

        var job = await test.Coordinator("Silo_0").SubmitAsync(request, CancellationToken.None);
        var progress = await TestCluster.Finished(() => test.Coordinator("Silo_0"), job);

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(0, progress.Retries);
        Assert.Equal(["a@Silo_0", "b!unreadable: binary data", "c@Silo_0"],
            await test.Coordinator("Silo_0").ResultsAsync(job, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_node_whose_clock_is_an_hour_off_stays_in_the_registry()
    {
        await using var test = await TestCluster.StartAsync(1);
        // Silo_0 reports a time an hour behind: the registry times heartbeats by its own clock, so it stays listed.
        var skewed = new NodeStatus("Silo_0", 4, 1 << 30, ["cpu"], [JobKind.Analyze], 0, null, null, 0, 0, DateTimeOffset.UtcNow.AddHours(-1));

        await test.Cluster.Client.GetGrain<IRegistryGrain>(0).Heartbeat(skewed);
        var seen = await test.Cluster.Client.GetGrain<IRegistryGrain>(0).Nodes();

        Assert.Contains(seen, n => n.Name == "Silo_0");
    }

    private static HearthClusterOptions WithBudget(int attempts)
    {
        var options = TestCluster.Fast();
        options.MaxAttempts = attempts;
        return options;
    }
}
