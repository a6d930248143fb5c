using System.Diagnostics;
using System.Text.Json;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Testing;
using Xunit.Abstractions;

namespace Hearth.Server.Tests;

/// <summary>
/// IBM's and Google's own npm clients (ibm-watson 12 and 6, @google-cloud/language 7, unmodified; installed by test.sh)
/// call every method they offer for these services against a real node that requires its token
/// (tests/clients/clients.mjs). Each call must succeed with the fields the typings declare, or fail as the real service does.
/// </summary>
public sealed class OfficialClientTests(ITestOutputHelper output)
{
    private static readonly string Clients = Path.Combine(Repository.Root, "tests", "clients");

    [Fact]
    public async Task Every_method_of_the_official_clients_works_or_fails_as_the_real_service_does()
    {
        Assert.True(Directory.Exists(Path.Combine(Clients, "node_modules", "ibm-watson"))
            && Directory.Exists(Path.Combine(Clients, "watson6", "node_modules", "ibm-watson")),
            "the official clients are not installed: run ./test.sh (it runs npm ci in tests/clients and tests/clients/watson6)");
        await using var node = await TestNode.StartAsync(requireToken: true);
        SaveModel(node.Home, "hearth-reviews");

        var (exitCode, stdout, stderr) = await RunNodeAsync("clients.mjs", node.Http.BaseAddress!.ToString().TrimEnd('/'), node.Token,
            "--require-token");

        var rows = stdout.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var row in rows)
        {
            output.WriteLine($"{S(row, "outcome"),-8} {S(row, "client"),-34} {S(row, "method"),-27} {S(row, "input"),-30} "
                + $"{row.GetProperty("status")} {S(row, "detail")}");
        }

        Assert.True(exitCode == 0, $"clients.mjs exited with {exitCode}: {stderr}");
        Assert.True(rows.Count >= 50, $"only {rows.Count} calls reported: {stderr}");
        Assert.Empty(rows.Where(r => S(r, "outcome") == "FAILED").Select(r =>
            $"{S(r, "client")} {S(r, "method")} ({S(r, "input")}): {S(r, "detail")}"));
        Assert.Contains(rows, r => S(r, "client").Contains("(iam)", StringComparison.Ordinal) && S(r, "outcome") == "ok");
        Assert.DoesNotContain(node.Token, stderr, StringComparison.Ordinal);
    }

    /// <summary>A model as 'hearth train sentiment' saves it (the base's top layer and an untrained head: serving, not quality, is tested).</summary>
    private static void SaveModel(string home, string name)
    {
        var model = ModelStore.LoadBase();
        model.TrainTopLayers(1);
        var head = new SentenceHead(["negative", "positive"], model.Config.Hidden, seed: 1);
        new ModelStore(home).Save(new ModelCard
        {
            Name = name, Task = "sentiment", Labels = head.Labels, Base = ModelStore.BaseName, TrainedLayers = 1, DataFile = "none", DataSha256 = "",
            Examples = 0, Epochs = 0, Created = DateTimeOffset.UtcNow, WeightsSha256 = "",
        }, model, head);
    }

    private static string S(JsonElement row, string name) => row.GetProperty(name).ToString();

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunNodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Clients, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
