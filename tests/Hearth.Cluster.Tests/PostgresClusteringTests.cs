using System.Net;
using System.Net.Sockets;
using Hearth.Cluster.Jobs;
using Hearth.Cluster.Membership;
using Hearth.Hardware.History;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Runtime;

namespace Hearth.Cluster.Tests;

/// <summary>
/// Two nodes whose membership lives in a real PostgreSQL server (Debian's postgresql, installed and started by
/// ./test.sh; HEARTH_TEST_POSTGRES overrides where): they form one cluster, share a job, and the cluster
/// outlives the node that started it.
/// </summary>
public sealed class PostgresClusteringTests : IAsyncDisposable
{
    private static readonly string Server = Environment.GetEnvironmentVariable("HEARTH_TEST_POSTGRES") ?? "postgres://hearth:hearth@127.0.0.1:5432/hearth_test";
    private readonly string clusterId = $"test-{Guid.NewGuid():N}";
    private readonly string root = Directory.CreateTempSubdirectory("hearth-pg-").FullName;
    private readonly ScriptedRunner runner = new();
    private readonly List<IHost> hosts = [];

    [Fact]
    public async Task Two_nodes_meet_in_postgresql_share_a_job_and_the_cluster_outlives_its_first_node()
    {
        var connection = PostgresMembership.ConnectionString(Server);
        await PostgresMembership.EnsureSchema(connection, CancellationToken.None);
        await PostgresMembership.EnsureSchema(connection, CancellationToken.None); // again: idempotent
        var first = await Node("pg-a", connection);
        var second = await Node("pg-b", connection);
        await Until(() => Active(second) == 2);

        runner.Hold("pg-a");
        runner.Hold("pg-b");
        var job = Coordinator(first).Submit(TestCluster.Documents(20));
        await Until(() => runner.Started.Any(s => s.Node == "pg-a") && runner.Started.Any(s => s.Node == "pg-b"));
        runner.ReleaseAll();
        var shared = await TestCluster.Finished(() => Coordinator(first), job);

        await first.StopAsync();
        await Until(() => Active(second) == 1);
        var alone = Coordinator(second).Submit(TestCluster.Documents(8));
        var afterwards = await TestCluster.Finished(() => Coordinator(second), alone);

        Assert.Equal("done", shared.State);
        Assert.Equal(["pg-a", "pg-b"], shared.ShardsByNode.Keys);
        Assert.Equal("done", afterwards.State);
        Assert.Equal(2, await Rows(connection));
    }

    private async Task<IHost> Node(string name, string connection)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(HearthDatabase.InHome(Directory.CreateDirectory(Path.Combine(root, name)).FullName));
        builder.Services.AddSingleton(runner.For(name));
        var options = TestCluster.Fast();
        (options.Membership, options.ClusterId, options.NodeName, options.SiloPort, options.GatewayPort) = (connection, clusterId, name, FreePort(), FreePort());
        builder.UseOrleans(silo => silo.UseHearthCluster(options));
        var host = builder.Build();
        hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    private static JobCoordinator Coordinator(IHost host) => host.Services.GetRequiredService<JobCoordinator>();

    private static int Active(IHost host) =>
        host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    private async Task<long> Rows(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM OrleansMembershipTable WHERE DeploymentId = @id", db);
        count.Parameters.AddWithValue("id", clusterId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task Until(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // against a hung test, not a timing assertion
        while (!condition())
        {
            await Task.Delay(100, deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        runner.ReleaseAll();
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Directory.Delete(root, recursive: true);
    }
}
