using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Testing;

namespace Hearth.Cli.Tests;

/// <summary>
/// Three real <c>hearth up</c> processes on 127.0.0.1 form a cluster over mutual TLS from a shared secret; one is
/// killed with SIGKILL mid-job.
/// </summary>
public sealed class ClusterEndToEndTests : IDisposable
{
    private const string Features = "language,sentences,entities,keywords";
    private const string Secret = "the-cluster-secret-of-this-test-0123456789";
    private readonly string root = Directory.CreateTempSubdirectory("hearth-cluster-e2e-").FullName;
    private readonly List<Hearth.Background> nodes = [];
    private readonly HttpClient http = new();

    [Fact]
    public async Task A_job_over_three_processes_survives_a_killed_node_and_equals_a_local_analyze()
    {
        var corpus = Path.Combine(root, "corpus.jsonl");
        File.WriteAllLines(corpus, Enumerable.Range(0, 2000).Select(i => JsonSerializer.Serialize(new
        {
            id = $"d{i:0000}",
            text = $"Report {i}: the GPU cluster in Lyon processed {i * 7} jobs on 3 March 2026 for Acme Corp. Write to ops{i}@hearth.example if "
                + $"the fans get noisy.",
        })));
        var (alpha, siloPort, _) = Up("alpha", join: null);
        Up("beta", join: siloPort);
        var (_, _, gamma) = Up("gamma", join: siloPort);
        await WaitForNodes(alpha, 3);
        var clash = Hearth.Run("up", "--port", "0", "--silo-port", siloPort, "--gateway-port", Port()); // alpha's silo port

        var id = await SubmitUntilGammaWorksMidJob(alpha, corpus);
        gamma.Process.Kill(); // SIGKILL, in the middle of the job
        var watched = Hearth.Run("jobs", "watch", id, "--node", alpha);
        var clusterOutput = Path.Combine(root, "cluster.jsonl");
        var result = Hearth.Run("jobs", "result", id, "-o", clusterOutput, "--node", alpha);
        var localOutput = Path.Combine(root, "local.jsonl");
        var local = Hearth.Run("analyze", corpus, "--features", Features, "-o", localOutput);

        Assert.Equal(2, clash.ExitCode);
        Assert.Contains($"port {siloPort} is already in use", clash.Stderr, StringComparison.Ordinal);
        Assert.True(watched.ExitCode == 0, watched.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, local.ExitCode);
        Assert.Equal(File.ReadAllLines(localOutput), File.ReadAllLines(clusterOutput));
        Assert.Contains("shards by node:", watched.Stderr, StringComparison.Ordinal);
        Assert.All(nodes, n => Assert.DoesNotContain(Secret, n.Output, StringComparison.Ordinal));
        Assert.Contains("mutual TLS from the cluster secret", nodes[0].Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Beyond_loopback_a_node_needs_an_address_to_advertise_and_the_cluster_secret()
    {
        var noAddress = Hearth.Run("up", "--join", "192.0.2.10:11111");
        var noSecret = Hearth.Run("up", "--advertise", "192.0.2.20", "--join", "192.0.2.10:11111");

        Assert.Equal(2, noAddress.ExitCode);
        Assert.Contains("give --advertise", noAddress.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noSecret.ExitCode);
        Assert.Contains("must share a cluster secret", noSecret.Stderr, StringComparison.Ordinal);
    }

    private (string Url, string SiloPort, Hearth.Background Node) Up(string name, string? join)
    {
        var home = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var (silo, gateway) = (Port(), Port());
        var secret = Path.Combine(root, "cluster.secret");
        File.WriteAllText(secret, Secret);
        string[] args = ["up", "--port", "0", "--silo-port", silo, "--gateway-port", gateway, "--node-name", name, "--lease", "3",
            "--cluster-secret-file", secret,
            .. join is null ? Array.Empty<string>() : ["--join", $"127.0.0.1:{join}"]];
        var node = Hearth.Start(home, args);
        nodes.Add(node);
        return (node.WaitFor(@"http://127\.0\.0\.1:\d+", TimeSpan.FromMinutes(3)), silo, node);
    }

    /// <summary>
    /// Submits the job and waits until gamma has done a shard while the job still runs. On a loaded machine a cold node can
    /// miss a short job entirely (the others take every shard): then the job is submitted again, so gamma is always killed
    /// mid-job, never after it.
    /// </summary>
    private async Task<string> SubmitUntilGammaWorksMidJob(string alpha, string corpus)
    {
        for (var attempt = 1; ; attempt++)
        {
            var submitted = Hearth.Run("submit", "analyze", corpus, "--features", Features, "--detach", "--node", alpha);
            Assert.True(submitted.ExitCode == 0, submitted.Stderr);
            var id = submitted.Stdout.Trim();
            var progress = default(JsonElement);
            await Eventually.Until(async () =>
            {
                progress = await Progress(alpha, id);
                return progress.GetProperty("shardsByNode").TryGetProperty("gamma", out _) || progress.GetProperty("state").GetString() != "running";
            });
            if (progress.GetProperty("state").GetString() == "running")
            {
                return id;
            }

            Assert.True(attempt < 3, $"gamma never took a shard of a running job in {attempt} jobs; last progress: {progress}");
        }
    }

    private async Task WaitForNodes(string node, int count) =>
        await Eventually.Until(async () => (await http.GetFromJsonAsync<JsonElement>($"{node}/api/cluster/nodes")).GetArrayLength() == count);

    private async Task<JsonElement> Progress(string node, string id) => await http.GetFromJsonAsync<JsonElement>($"{node}/api/cluster/jobs/{id}");

    private static string Port() => Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        nodes.ForEach(n => n.Dispose());
        http.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
