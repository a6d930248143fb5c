using Hearth.Cluster.Jobs;
using Hearth.Cluster.Membership;

namespace Hearth.Cluster.Tests;

/// <summary>The job store shared in PostgreSQL (the server ./test.sh starts), where coordinators finish shards at the same time.</summary>
public sealed class PostgresJobStoreTests
{
    private static readonly string Server = Environment.GetEnvironmentVariable("HEARTH_TEST_POSTGRES")
        ?? "postgres://hearth:hearth@127.0.0.1:5432/hearth_test";

    [Fact]
    public async Task A_job_whose_shards_all_finish_at_the_same_moment_is_done()
    {
        using var store = new PostgresJobStore(PostgresMembership.ConnectionString(Server), $"test-{Guid.NewGuid():N}");
        var now = DateTimeOffset.UtcNow;
        var jobs = Enumerable.Range(0, 20).Select(i => $"race-{Guid.NewGuid():N}").ToList();
        foreach (var job in jobs)
        {
            await store.CreateAsync(job, TestCluster.Documents(4), 1, now, CancellationToken.None);
        }

        foreach (var job in jobs)
        {
            var shards = new List<LeasedShard>();
            while (await store.LeaseAsync(job, "w", now, TimeSpan.FromMinutes(1), 3, null, CancellationToken.None) is { } shard)
            {
                shards.Add(shard);
            }

            await Task.WhenAll(shards.Select(s => Task.Run(() =>
                store.CompleteAsync(job, s.Shard, $"w{s.Shard}", [$"line {s.Shard}"], now, CancellationToken.None))));
        }

        var states = await Task.WhenAll(jobs.Select(j => store.ProgressAsync(j, CancellationToken.None)));
        Assert.All(states, p => Assert.Equal((JobState.Done, 4), (p!.State, p.ShardsDone)));
    }
}
