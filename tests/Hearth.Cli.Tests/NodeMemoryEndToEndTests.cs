using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace Hearth.Cli.Tests;

/// <summary>A real node under a burst of big analyses: they queue, and its memory comes back near its idle level after.</summary>
public sealed class NodeMemoryEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("hearth-memory-").FullName;

    [Fact]
    public async Task After_a_burst_of_big_analyses_resident_memory_comes_back_within_a_fifth_of_idle()
    {
        using var node = Hearth.Start(home, "up", "--port", "0", "--no-cluster");
        var url = node.WaitFor(@"http://127\.0\.0\.1:\d+", TimeSpan.FromMinutes(3));
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        (await http.PostAsJsonAsync("/api/analyze", new { text = "Anna in Lyon loves her phone." })).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(2)); // idle: once everything a request loads is loaded
        var idle = Hearth.Memory(node.Process.Id, "VmRSS");
        var text = string.Join(' ', Enumerable.Range(0, 2_000)
            .Select(i => $"Review {i}: the battery of this phone lasts for days and Anna in Lyon loves it."));

        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.PostAsJsonAsync("/api/analyze", new { text })));
        // The node gives memory back as its garbage collector decommits (seconds on a loaded machine): give it 30 s.
        var after = long.MaxValue;
        for (var waited = 0; waited < 30 && after > idle * 1.2; waited++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            after = Hearth.Memory(node.Process.Id, "VmRSS");
        }

        output.WriteLine($"resident memory: {idle / 1024} MB idle, {after / 1024} MB after the burst");
        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(after <= idle * 1.2, $"resident memory {after / 1024} MB 30 s after the burst, {idle / 1024} MB idle");
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}
