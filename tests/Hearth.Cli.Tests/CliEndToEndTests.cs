using System.Text.Json;

namespace Hearth.Cli.Tests;

public sealed class CliEndToEndTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("hearth-home-").FullName;

    [Fact]
    public void Bench_appends_every_run_to_the_history_and_compare_shows_the_change()
    {
        var environment = new Dictionary<string, string> { ["HEARTH_HOME"] = home };

        var first = Hearth.Run(environment, "bench", "--sizes", "64,96", "--no-ai", "--json");
        var second = Hearth.Run(environment, "bench", "--sizes", "64,96", "--no-ai", "--json", "--compare");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.True(File.Exists(Path.Combine(home, "hearth.db")));
        using var json = JsonDocument.Parse(second.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("runId").GetInt64());
        var figures = json.RootElement.GetProperty("figures").EnumerateArray().ToList();
        var gemm96 = figures.Single(f => f.GetProperty("metric").GetString() == "sgemm" && f.GetProperty("size").GetInt32() == 96);
        Assert.True(gemm96.GetProperty("value").GetDouble() > 0);
        Assert.True(gemm96.GetProperty("previous").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Number, gemm96.GetProperty("changePercent").ValueKind);
        Assert.Contains(figures, f => f.GetProperty("metric").GetString() == "triad" && f.GetProperty("unit").GetString() == "GB/s");
    }

    [Fact]
    public void Up_refuses_a_webhook_that_is_not_an_http_url_where_the_option_is_parsed()
    {
        var result = Hearth.Run(new Dictionary<string, string> { ["HEARTH_HOME"] = home }, "up", "--webhook", "ftp://example.org/alerts");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--webhook 'ftp://example.org/alerts' is not an absolute http:// or https:// URL", result.Stdout + result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Up_reports_impossible_option_values_when_the_node_starts_with_the_fix()
    {
        var result = Hearth.Run(new Dictionary<string, string> { ["HEARTH_HOME"] = home }, "up", "--port", "0", "--interval", "0.01", "--no-cluster");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--interval 0.01 s is out of range: use 0.1 to 60 seconds", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("up")]
    [InlineData("doctor")]
    [InlineData("submit", "analyze")]
    [InlineData("jobs", "result")]
    public void Every_commands_help_prints_and_exits_zero(params string[] command)
    {
        var result = Hearth.Run([.. command, "--help"]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("USAGE", result.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Watch_draws_every_device_with_its_sparkline_and_the_alerts_then_stops_after_count()
    {
        var result = Hearth.Run(new Dictionary<string, string> { ["HEARTH_HOME"] = home }, "watch", "--count", "3", "--interval", "0.2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│ cpu", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("[▁▂▃▄▅▆▇█]", result.Stdout);
        Assert.Contains("No alert.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_with_bad_sizes_exits_2_and_says_what_to_type()
    {
        var result = Hearth.Run("bench", "--sizes", "abc");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("e.g. --sizes 1024,2048", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_hearth_home_exits_2_and_says_to_set_hearth_home()
    {
        var file = Path.Combine(home, "not-a-folder");
        File.WriteAllText(file, "");

        var result = Hearth.Run(new Dictionary<string, string> { ["HEARTH_HOME"] = file }, "bench", "--sizes", "32", "--no-ai");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("set HEARTH_HOME to a writable folder", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_exits_2()
    {
        var result = Hearth.Run("nosuch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'nosuch'", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_exits_2_instead_of_being_ignored()
    {
        var result = Hearth.Run("doctor", "--expect-gpus");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown option 'expect-gpus'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_commands_and_their_options()
    {
        var top = Hearth.Run("--help");
        var doctor = Hearth.Run("doctor", "--help");

        Assert.Equal(0, top.ExitCode);
        Assert.Contains("doctor", top.Stdout, StringComparison.Ordinal);
        Assert.Contains("bench", top.Stdout, StringComparison.Ordinal);
        Assert.Contains("--expect-gpu", doctor.Stdout, StringComparison.Ordinal);
        Assert.Contains("--json", doctor.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}
