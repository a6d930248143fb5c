using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Testing;

namespace Hearth.Cli.Tests;

/// <summary>
/// Three real <c>hearth up</c> processes on 127.0.0.1 form a cluster over mutual TLS from a shared secret; one is
/// killed with SIGKILL mid-job: a worker, or the first node, which coordinates the job and holds the membership.
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
        WriteCorpus(corpus);
        var (alpha, siloPort, _, _) = Up("alpha", join: null);
        Up("beta", join: siloPort);
        var (_, _, _, gamma) = Up("gamma", join: siloPort);
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
    public async Task Losing_the_first_node_mid_job_keeps_the_others_up_they_rejoin_it_and_the_job_finishes_when_it_restarts()
    {
        var corpus = Path.Combine(root, "corpus.jsonl");
        WriteCorpus(corpus);
        var (alpha, siloPort, gateway, first) = Up("alpha", join: null);
        var (beta, _, _, betaNode) = Up("beta", join: siloPort);
        var (_, _, _, gammaNode) = Up("gamma", join: siloPort);
        await WaitForNodes(alpha, 3);

        using var submit = Hearth.Start(Path.Combine(root, "client"), "submit", "analyze", corpus, "--features", Features, "--node", alpha);
        var id = submit.WaitFor(@"(?<=job )\S+(?= submitted)", TimeSpan.FromMinutes(1));
        first.Process.Kill(); // SIGKILL: the coordinator of the job and the keeper of the cluster's membership
        Assert.True(submit.Process.WaitForExit(TimeSpan.FromMinutes(1)), submit.Output);
        betaNode.WaitFor("goes on alone", TimeSpan.FromMinutes(1));
        gammaNode.WaitFor("goes on alone", TimeSpan.FromMinutes(1));
        betaNode.WaitFor("node up again", TimeSpan.FromMinutes(2));
        using var alone = await http.GetAsync($"{beta}/healthz");

        var port = new Uri(alpha).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (restarted, _, _, _) = Up("alpha", join: null, siloPort, gateway, port);
        betaNode.WaitFor("joins it again", TimeSpan.FromMinutes(2));
        gammaNode.WaitFor("joins it again", TimeSpan.FromMinutes(2));
        await WaitForNodes(restarted, 3);
        var watched = Hearth.Run("jobs", "watch", id, "--node", restarted);
        var clusterOutput = Path.Combine(root, "cluster.jsonl");
        var result = Hearth.Run("jobs", "result", id, "-o", clusterOutput, "--node", restarted);
        var localOutput = Path.Combine(root, "local.jsonl");
        Hearth.Run("analyze", corpus, "--features", Features, "-o", localOutput);

        Assert.Equal(5, submit.Process.ExitCode);
        Assert.Contains($"restart the node (the same HEARTH_HOME), then 'hearth jobs watch {id} --node {alpha}'", submit.Output,
            StringComparison.Ordinal);
        Assert.True(alone.IsSuccessStatusCode);
        Assert.False(betaNode.Process.HasExited || gammaNode.Process.HasExited);
        Assert.All(nodes, n => Assert.DoesNotContain("FATAL", n.Output, StringComparison.Ordinal));
        Assert.True(watched.ExitCode == 0, watched.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllLines(localOutput), File.ReadAllLines(clusterOutput));
    }

    [Fact]
    public async Task A_model_trained_on_one_node_is_copied_to_the_other_and_served_there()
    {
        var (alpha, siloPort, _, _) = Up("alpha", join: null);
        var (beta, _, _, _) = Up("beta", join: siloPort);
        await WaitForNodes(alpha, 2);
        var data = Path.Combine(root, "train.tsv");
        File.WriteAllLines(data, ["pos\tI love it", "pos\tWorks great", "pos\tSo comfortable", "pos\tBeautiful and soft", "neg\tIt broke at once",
            "neg\tTerrible quality", "neg\tThe zip failed", "neg\tNever again"]);

        var submitted = Hearth.Run("submit", "train", "sentiment", "--data", data, "--epochs", "2", "--layers", "1", "--batch", "4", "--name",
            "reviews", "--node", alpha);

        Assert.True(submitted.ExitCode == 0, submitted.Stderr);
        using var line = JsonDocument.Parse(submitted.Stdout.Trim());
        var trainedOn = line.RootElement.GetProperty("trainedOn").GetString()!;
        var other = trainedOn == "alpha" ? ("beta", beta) : ("alpha", alpha);
        Assert.StartsWith("copied from " + trainedOn, line.RootElement.GetProperty("copies").GetProperty(other.Item1).GetString(),
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, other.Item1, "models", "reviews", "card.json")));
        using var analyzed = await http.PostAsJsonAsync($"{other.Item2}/api/analyze",
            new { text = "I love it. The zip failed.", features = new[] { "sentiment" }, models = new { sentiment = "reviews" } });
        Assert.True(analyzed.IsSuccessStatusCode, await analyzed.Content.ReadAsStringAsync());
        var result = await analyzed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("sentiment").GetProperty("sentences").GetArrayLength());

        var corpus = Path.Combine(root, "reviews.jsonl");
        File.WriteAllLines(corpus,
            Enumerable.Range(0, 40).Select(i => JsonSerializer.Serialize(new { id = $"r{i}", text = $"Review {i}: I love it." })));
        var overCluster = Hearth.Run("submit", "analyze", corpus, "--features", "sentiment", "--model", "sentiment=reviews", "--node",
            other.Item2);
        var unknown = Hearth.Run("submit", "analyze", corpus, "--features", "sentiment", "--model", "sentiment=nothing", "--node", alpha);

        Assert.True(overCluster.ExitCode == 0, overCluster.Stderr);
        var lines = overCluster.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"sentiment\"", l, StringComparison.Ordinal));
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no model 'nothing'", unknown.Stderr, StringComparison.Ordinal);
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

    private static void WriteCorpus(string corpus) =>
        File.WriteAllLines(corpus, Enumerable.Range(0, 2000).Select(i => JsonSerializer.Serialize(new
        {
            id = $"d{i:0000}",
            text = $"Report {i}: the GPU cluster in Lyon processed {i * 7} jobs on 3 March 2026 for Acme Corp. Write to ops{i}@hearth.example if "
                + $"the fans get noisy.",
        })));

    /// <summary>Starts a node in its own home (the same one when started again), on new ports unless given.</summary>
    private (string Url, string SiloPort, string GatewayPort, Hearth.Background Node) Up(string name, string? join, string? silo = null,
        string? gateway = null, string port = "0")
    {
        var home = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        (silo, gateway) = (silo ?? Port(), gateway ?? Port());
        var secret = Path.Combine(root, "cluster.secret");
        File.WriteAllText(secret, Secret);
        string[] args = ["up", "--port", port, "--silo-port", silo, "--gateway-port", gateway, "--node-name", name, "--lease", "3",
            "--cluster-secret-file", secret,
            .. join is null ? Array.Empty<string>() : ["--join", $"127.0.0.1:{join}"]];
        var node = Hearth.Start(home, args);
        nodes.Add(node);
        return (node.WaitFor(@"http://127\.0\.0\.1:\d+", TimeSpan.FromMinutes(3)), silo, gateway, node);
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
