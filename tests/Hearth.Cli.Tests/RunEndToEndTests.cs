using System.Text.Json;

namespace Hearth.Cli.Tests;

/// <summary>The real <c>hearth run</c> around real programs on this machine (which has no GPU).</summary>
public sealed class RunEndToEndTests : IDisposable
{
    // A fixed amount of CPU work (about 1.5 s of one core here), then success: CPU-bound, nothing to install.
    private const string CpuBound = "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done";

    private readonly string home = Directory.CreateTempSubdirectory("hearth-run-").FullName;

    private Dictionary<string, string> Home => new() { ["HEARTH_HOME"] = home };

    [Fact]
    public void A_cpu_bound_program_expected_on_the_gpu_exits_3_and_the_verdict_names_the_cpu()
    {
        var report = Path.Combine(home, "report.json");

        var result = Hearth.Run(Home, "run", "--expect", "gpu", "--interval", "0.2", "--report", report, "--", "sh", "-c",
            CpuBound + "; echo child output");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("child output", result.Stdout.Trim()); // the program's own output is untouched
        Assert.Contains("→ this job ran on the CPU, not the GPU", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("expected to run on the GPU, it did not: exit code 3", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.False(json.RootElement.GetProperty("expectationMet").GetBoolean());
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("cpuSeconds").GetDouble() > 0.5); // the same work however loaded the machine
        Assert.True(json.RootElement.GetProperty("series").GetArrayLength() >= 2);
    }

    [Fact]
    public void The_same_program_expected_on_the_cpu_passes()
    {
        var result = Hearth.Run(Home, "run", "--expect", "cpu", "--interval", "0.2", "--", "sh", "-c", CpuBound);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("this job ran on the CPU", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_program_exit_code_is_kept()
    {
        Assert.Equal(7, Hearth.Run(Home, "run", "--expect", "gpu", "--", "sh", "-c", "exit 7").ExitCode);
    }

    [Fact]
    public void A_program_that_does_not_exist_exits_127_with_its_name()
    {
        var result = Hearth.Run(Home, "run", "--", "no-such-program-hearth");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("cannot start 'no-such-program-hearth'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_expectation_is_a_usage_error()
    {
        Assert.Equal(2, Hearth.Run(Home, "run", "--expect", "tpu", "--", "true").ExitCode);
    }

    public void Dispose()
    {
        Directory.Delete(home, recursive: true);
    }
}
