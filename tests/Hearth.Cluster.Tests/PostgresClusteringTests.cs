using Hearth.Cluster.Jobs;
using Hearth.Cluster.Membership;
using Hearth.Testing;
using Npgsql;

namespace Hearth.Cluster.Tests;

/// <summary>
/// Two nodes whose membership lives in a real PostgreSQL server (Debian's postgresql, installed and started by
/// ./test.sh; HEARTH_TEST_POSTGRES overrides where): they form one cluster, share a job, and the cluster
/// outlives the node that started it.
/// </summary>
public sealed class PostgresClusteringTests
{
    private static readonly string Server = Environment.GetEnvironmentVariable("HEARTH_TEST_POSTGRES")
        ?? "postgres://hearth:hearth@127.0.0.1:5432/hearth_test";
    private readonly string clusterId = $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_nodes_meet_in_postgresql_share_a_job_and_the_cluster_outlives_its_first_node()
    {
        var connection = PostgresMembership.ConnectionString(Server);
        await PostgresMembership.EnsureSchemaAsync(connection, CancellationToken.None);
        await PostgresMembership.EnsureSchemaAsync(connection, CancellationToken.None); // again: idempotent
        await using var nodes = new RealNodes();
        void InPostgres(HearthClusterOptions o) => (o.Membership, o.ClusterId) = (connection, clusterId);
        var first = await nodes.Start("pg-a", InPostgres);
        var second = await nodes.Start("pg-b", InPostgres);
        await Eventually.Until(() => RealNodes.Active(second).Count == 2);

        nodes.Runner.Hold("pg-a");
        nodes.Runner.Hold("pg-b");
        var job = await RealNodes.Coordinator(first).SubmitAsync(TestCluster.Documents(20), CancellationToken.None);
        await Eventually.Until(() => nodes.Runner.Started.Any(s => s.Node == "pg-a") && nodes.Runner.Started.Any(s => s.Node == "pg-b"));
        nodes.Runner.ReleaseAll();
        var shared = await TestCluster.Finished(() => RealNodes.Coordinator(first), job);

        await first.StopAsync();
        await Eventually.Until(() => RealNodes.Active(second).Count == 1);
        var alone = await RealNodes.Coordinator(second).SubmitAsync(TestCluster.Documents(8), CancellationToken.None);
        var afterwards = await TestCluster.Finished(() => RealNodes.Coordinator(second), alone);

        Assert.Equal(JobState.Done, shared.State);
        Assert.Equal(["pg-a", "pg-b"], shared.ShardsByNode.Keys);
        Assert.Equal(JobState.Done, afterwards.State);
        Assert.Equal(2, await Rows(connection));
    }

    [Fact]
    public async Task A_job_kept_in_postgresql_finishes_after_the_node_it_was_submitted_to_is_gone()
    {
        var connection = PostgresMembership.ConnectionString(Server);
        await PostgresMembership.EnsureSchemaAsync(connection, CancellationToken.None);
        await using var nodes = new RealNodes();
        void InPostgres(HearthClusterOptions o) => (o.Membership, o.ClusterId) = (connection, clusterId);
        var first = await nodes.Start("pg-c", InPostgres);
        var second = await nodes.Start("pg-d", InPostgres);
        await Eventually.Until(() => RealNodes.Active(second).Count == 2);
        nodes.Runner.Hold("pg-c");
        nodes.Runner.Hold("pg-d");

        var job = await RealNodes.Coordinator(first).SubmitAsync(TestCluster.Documents(20), CancellationToken.None);
        await Eventually.Until(() => nodes.Runner.Started.Any(s => s.Node == "pg-c") && nodes.Runner.Started.Any(s => s.Node == "pg-d"));
        await first.StopAsync(); // the node the job was submitted to, holding a shard
        nodes.Runner.Release("pg-d");
        var progress = await TestCluster.Finished(() => RealNodes.Coordinator(second), job);

        Assert.Equal(JobState.Done, progress.State);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"doc{i:000}"),
            (await RealNodes.Coordinator(second).ResultsAsync(job, CancellationToken.None).ToListAsync()).Select(l => l.Split('@')[0]));
        Assert.Equal(["pg-d"], progress.ShardsByNode.Keys);
    }

    private async Task<long> Rows(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @id", db);
        count.Parameters.AddWithValue("id", clusterId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
