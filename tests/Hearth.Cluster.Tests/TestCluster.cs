using Hearth.Cluster.Jobs;
using Hearth.Hardware.History;
using Hearth.Text.Input;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hearth.Cluster.Tests;

/// <summary>
/// A real Orleans cluster of several silos in this process (InProcessTestCluster), each a Hearth node with its own
/// home directory (so its own SQLite job store, kept across a restart of the same node), short leases and heartbeats.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-cluster-").FullName;

    private TestCluster(short silos, Func<string, HearthClusterOptions> options)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((silo, orleans) =>
        {
            var home = Directory.CreateDirectory(Path.Combine(root, silo.SiloName)).FullName;
            orleans.Services.AddSingleton(HearthDatabase.InHome(home));
            orleans.Services.AddSingleton(Runner.For(silo.SiloName));
            orleans.Services.AddSingleton(Runner.For(silo.SiloName, JobKind.Bench));
            orleans.AddHearthNode(options(silo.SiloName));
        });
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public ScriptedRunner Runner { get; } = new();

    public static HearthClusterOptions Fast(params JobKind[] roles) =>
        new() { ShardSize = 4, Lease = TimeSpan.FromSeconds(2), Heartbeat = TimeSpan.FromMilliseconds(200),
            Roles = roles.Length == 0 ? [JobKind.Analyze, JobKind.Bench] : roles };

    public static async Task<TestCluster> StartAsync(short silos, Func<string, HearthClusterOptions>? options = null)
    {
        var cluster = new TestCluster(silos, options ?? (_ => Fast()));
        await cluster.Cluster.DeployAsync();
        return cluster;
    }

    public InProcessSiloHandle Silo(string name) => Cluster.Silos.SingleOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"no silo {name} among {string.Join(", ", Cluster.Silos.Select(s => s.Name))}");

    public JobCoordinator Coordinator(string node) => Cluster.GetSiloServiceProvider(Silo(node).SiloAddress).GetRequiredService<JobCoordinator>();

    /// <summary>Waits until some node has started a shard.</summary>
    public async Task Started(string node)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!Runner.Started.Any(s => s.Node == node))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public static JobRequest Documents(int count) =>
        new(JobKind.Analyze, ["language"], [.. Enumerable.Range(0, count).Select(i => new InputDocument($"doc{i:000}", $"text {i}", null))]);

    /// <summary>Waits until the job is no longer running (a deadline against a hung test, not a timing assertion).</summary>
    public static async Task<JobProgress> Finished(Func<JobCoordinator> coordinator, string job)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        JobProgress? last = null;
        while (true)
        {
            try
            {
                last = await coordinator().ProgressAsync(job, deadline.Token);
                if (last is { State: not JobState.Running })
                {
                    return last;
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"job {job} still running after 90 s: {last}");
            }
            catch (InvalidOperationException)
            {
                // The node is restarting.
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"job {job} still running after 90 s: {last} (done: {last?.ShardsDone}, by node: "
                    + $"{string.Join(", ", last?.ShardsByNode ?? new Dictionary<string, int>())})");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Runner.ReleaseAll();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A silo may still hold its database for a moment; the temp directory is cleaned by the OS.
        }
    }
}
