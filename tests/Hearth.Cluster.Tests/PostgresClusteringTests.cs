using Hearth.Cluster.Membership;
using Npgsql;

namespace Hearth.Cluster.Tests;

/// <summary>
/// Two nodes whose membership lives in a real PostgreSQL server (Debian's postgresql, installed and started by
/// ./test.sh; HEARTH_TEST_POSTGRES overrides where): they form one cluster, share a job, and the cluster
/// outlives the node that started it.
/// </summary>
public sealed class PostgresClusteringTests
{
    private static readonly string Server = Environment.GetEnvironmentVariable("HEARTH_TEST_POSTGRES") ?? "postgres://hearth:hearth@127.0.0.1:5432/hearth_test";
    private readonly string clusterId = $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_nodes_meet_in_postgresql_share_a_job_and_the_cluster_outlives_its_first_node()
    {
        var connection = PostgresMembership.ConnectionString(Server);
        await PostgresMembership.EnsureSchema(connection, CancellationToken.None);
        await PostgresMembership.EnsureSchema(connection, CancellationToken.None); // again: idempotent
        await using var nodes = new RealNodes();
        void InPostgres(HearthClusterOptions o) => (o.Membership, o.ClusterId) = (connection, clusterId);
        var first = await nodes.Start("pg-a", InPostgres);
        var second = await nodes.Start("pg-b", InPostgres);
        await RealNodes.Until(() => RealNodes.Active(second).Count == 2);

        nodes.Runner.Hold("pg-a");
        nodes.Runner.Hold("pg-b");
        var job = RealNodes.Coordinator(first).Submit(TestCluster.Documents(20));
        await RealNodes.Until(() => nodes.Runner.Started.Any(s => s.Node == "pg-a") && nodes.Runner.Started.Any(s => s.Node == "pg-b"));
        nodes.Runner.ReleaseAll();
        var shared = await TestCluster.Finished(() => RealNodes.Coordinator(first), job);

        await first.StopAsync();
        await RealNodes.Until(() => RealNodes.Active(second).Count == 1);
        var alone = RealNodes.Coordinator(second).Submit(TestCluster.Documents(8));
        var afterwards = await TestCluster.Finished(() => RealNodes.Coordinator(second), alone);

        Assert.Equal("done", shared.State);
        Assert.Equal(["pg-a", "pg-b"], shared.ShardsByNode.Keys);
        Assert.Equal("done", afterwards.State);
        Assert.Equal(2, await Rows(connection));
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
