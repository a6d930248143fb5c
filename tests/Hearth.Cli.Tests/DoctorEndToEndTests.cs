using System.Runtime.InteropServices;
using System.Text.Json;

namespace Hearth.Cli.Tests;

/// <summary>The real <c>hearth doctor</c> on this machine (CI machines have no GPU).</summary>
public sealed class DoctorEndToEndTests
{
    private static bool MachineHasGpu =>
        Directory.Exists("/sys/bus/pci/devices") && Directory.EnumerateDirectories("/sys/bus/pci/devices")
            .Any(d => File.ReadAllText(Path.Combine(d, "vendor")).Trim() is "0x10de" or "0x1002"
                && File.ReadAllText(Path.Combine(d, "class")).StartsWith("0x03", StringComparison.Ordinal));

    [Fact]
    public void Doctor_json_proves_the_cpu_works_and_gives_the_no_gpu_verdict()
    {
        var result = Hearth.Run("doctor", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        // The documented schema (docs/doctor-json.md): renaming a C# property must not silently change it.
        Assert.Equal(["schemaVersion", "generatedAt", "exitCode", "expectGpuFailure", "aiRunsOn", "elapsedSeconds", "devices", "checks", "aiRuntime",
            "inventory"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "kind", "vendor", "name", "status", "verdict", "gemm", "peakGflops", "peakSource", "sensors", "works", "percentOfPeak"],
            root.GetProperty("devices")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "title", "status", "finding", "fix"], root.GetProperty("checks")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["provider", "works", "sentencesPerSecond", "detail"], root.GetProperty("aiRuntime")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        var devices = root.GetProperty("devices").EnumerateArray().ToList();
        var cpu = devices.Single(d => d.GetProperty("kind").GetString() == "cpu");
        Assert.Equal("pass", cpu.GetProperty("status").GetString());
        Assert.True(cpu.GetProperty("gemm").GetProperty("gflops").GetDouble() > 0);
        Assert.True(cpu.GetProperty("gemm").GetProperty("valid").GetBoolean());
        Assert.True(cpu.GetProperty("percentOfPeak").GetDouble() > 0);
        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal("pass", checks["ai.CPUExecutionProvider"].GetProperty("status").GetString());
        if (!MachineHasGpu)
        {
            Assert.DoesNotContain(devices, d => d.GetProperty("kind").GetString() == "gpu");
            Assert.Equal("info", checks["pci.gpu-driver"].GetProperty("status").GetString());
            Assert.StartsWith("no GPU on the PCI bus", checks["pci.gpu-driver"].GetProperty("finding").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("the CPU (", root.GetProperty("aiRunsOn").GetString(), StringComparison.Ordinal);
            Assert.Equal("info", checks["onnxruntime.cuda"].GetProperty("status").GetString());
        }
    }

    [Fact]
    public void Expect_gpu_exits_1_with_a_clear_message_when_no_gpu_works()
    {
        if (MachineHasGpu)
        {
            // On a GPU machine the same command must find it working.
            Assert.Equal(0, Hearth.Run("doctor", "--expect-gpu", "--no-ai").ExitCode);
            return;
        }

        var result = Hearth.Run("doctor", "--expect-gpu", "--no-ai");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--expect-gpu: no working GPU was found. No GPU is present on this machine", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The whole blocked SGEMM with the narrower micro-kernels, by switching instruction sets off in the runtime.</summary>
    [Theory]
    [InlineData("DOTNET_EnableAVX512", "AVX2+FMA 6×16")]
    [InlineData("DOTNET_EnableAVX", "SSE 8×8")]
    public void The_cpu_proof_is_correct_with_each_narrower_kernel(string switchOff, string expectedEngine)
    {
        var expected = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "NEON 8×8" : expectedEngine;

        var result = Hearth.Run(new Dictionary<string, string> { [switchOff] = "0" }, "doctor", "--json", "--no-ai");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var gemm = json.RootElement.GetProperty("devices")[0].GetProperty("gemm");
        Assert.Equal(expected, gemm.GetProperty("engine").GetString());
        Assert.True(gemm.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void The_readable_report_ends_with_where_the_ai_runs()
    {
        var result = Hearth.Run("doctor", "--no-ai");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Devices", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("What to do", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Your AI runs on: not checked (--no-ai)", result.Stdout, StringComparison.Ordinal);
        // Piped (as here), tables are not cut at 80 columns: a check's finding stays on its row.
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("CUDA libraries load", StringComparison.Ordinal)
            && l.Contains("cuBLAS", StringComparison.Ordinal));
    }
}
