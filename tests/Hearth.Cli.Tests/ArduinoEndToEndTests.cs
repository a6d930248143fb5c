using System.Diagnostics;
using System.Text.Json;
using Hearth.Testing;

namespace Hearth.Cli.Tests;

/// <summary>
/// One job spanning a CPU node and a microcontroller: the real CLI writes the quantised sentiment head as a C
/// header, the real firmware is built with avr-gcc and runs in simavr, attached to a real `hearth up`.
/// </summary>
public sealed class ArduinoEndToEndTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-arduino-e2e-").FullName;
    private Hearth.Background? node;

    [Fact]
    public void A_sentiment_job_runs_its_head_on_a_paired_emulated_uno_and_only_once_it_is_paired()
    {
        var header = Hearth.Run("devices", "header", "-o", Path.Combine(root, "weights.h"));
        Assert.Equal(0, header.ExitCode);
        Make("dense", $"WEIGHTS={root}");
        Make("simavr-host");
        var corpus = Path.Combine(root, "reviews.jsonl");
        File.WriteAllLines(corpus, ["{\"id\": \"r1\", \"text\": \"Absolutely love it, works perfectly.\"}",
            "{\"id\": \"r2\", \"text\": \"Broke after two days, total waste of money.\"}"]);
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        node = Hearth.Start(home, "up", "--port", "0", "--silo-port", Port(), "--gateway-port", Port(), "--node-name", "bench-node",
            "--device", "ghost=/dev/hearth-no-such-port",
            "--device", $"uno0=exec:{Path.Combine(root, "hearth-simavr")} {Path.Combine(root, "dense.elf")}");
        var url = node.WaitFor(@"http://127\.0\.0\.1:\d+", TimeSpan.FromMinutes(3));

        var unpaired = WaitForDevice(url);
        var paired = Hearth.Run("devices", "pair", "uno0", "--node", url);
        var list = Hearth.Run(new Dictionary<string, string> { ["COLUMNS"] = "300" }, "devices", "list", "--node", url);
        var output = Path.Combine(root, "sentiment.jsonl");
        var job = Hearth.Run("submit", "sentiment-int8", corpus, "-o", output, "--node", url);

        Assert.Contains("\"state\":\"unpaired\"", unpaired, StringComparison.Ordinal);
        Assert.Matches(@"ghost\W+unattached\W.*hearth-no-such-port", list.Stdout); // a device that could not be attached is listed, with why
        Assert.Equal(0, paired.ExitCode);
        Assert.StartsWith("uno0: paired (atmega328p-uno", paired.Stdout, StringComparison.Ordinal);
        Assert.True(job.ExitCode == 0, job.Stderr);
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["r1", "r2"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines, l => Assert.Equal("uno0", l.GetProperty("result").GetProperty("device").GetString()));
        Assert.Equal(["positive", "negative"], lines.Select(l => l.GetProperty("result").GetProperty("sentiment").GetProperty("label").GetString()));
    }

    private static string WaitForDevice(string url)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(1); // against a hung test, not a timing assertion
        while (true)
        {
            var devices = http.GetStringAsync($"{url}/api/cluster/devices").GetAwaiter().GetResult();
            if (devices.Contains("uno0", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return devices;
            }

            Thread.Sleep(200);
        }
    }

    private void Make(string project, params string[] variables)
    {
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../.."));
        using var make = Process.Start(new ProcessStartInfo("make",
            ["-s", "-C", Path.Combine(repository, "firmware", project), $"OUT={root}",
                .. variables]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = make.StandardError.ReadToEnd();
        make.WaitForExit();
        Assert.True(make.ExitCode == 0, $"firmware/{project}: {errors}");
    }

    private static string Port() => Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        node?.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
