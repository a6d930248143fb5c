using System.Diagnostics;
using Hearth.Testing;

namespace Hearth.Cli.Tests;

/// <summary>What travels to the GPU machine (bench/gpu-device/pack): it fits the device tool's 64 MiB and runs on its own.</summary>
public sealed class DevicePackTests : IDisposable
{
    /// <summary>What the device tool carries in all: the packed archive and the checkout.</summary>
    private const long CarryLimit = 64L << 20;

    private readonly string directory = Directory.CreateTempSubdirectory("hearth-device-pack-").FullName;

    [Fact]
    public void The_pack_fits_with_the_checkout_and_runs_self_contained_without_icu()
    {
        Run("bash", Path.Combine(Repository.Root, "bench", "gpu-device", "pack"), directory);
        var archive = new FileInfo(Path.Combine(directory, "hearth.tar.xz"));
        var checkout = Run("git", "-C", Repository.Root, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => new FileInfo(Path.Combine(Repository.Root, f))).Where(f => f.Exists).Sum(f => f.Length);
        Run("tar", "xJf", archive.FullName, "-C", directory);
        var hearth = Path.Combine(directory, "hearth", "Hearth.Cli");

        Assert.True(archive.Length + checkout < CarryLimit, $"{archive.Length:N0} + {checkout:N0} bytes of checkout ≥ {CarryLimit:N0}");
        var runtime = File.ReadAllText(Path.Combine(directory, "hearth", "Hearth.Cli.runtimeconfig.json"));
        Assert.Contains("\"System.Globalization.Invariant\": true", runtime, StringComparison.Ordinal); // no libicu needed there
        Assert.Contains("\"aiRunsOn\"", Run(hearth, "doctor", "--json", "--no-ai"), StringComparison.Ordinal);
    }

    private string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["HEARTH_HOME"] = directory;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
