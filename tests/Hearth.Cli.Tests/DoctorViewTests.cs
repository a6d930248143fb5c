using Hearth.Cli.Output;
using Hearth.Hardware.Cpu;
using Hearth.Hardware;
using Hearth.Hardware.Ai;
using Hearth.Hardware.Doctor;
using Hearth.Hardware.Host;
using Hearth.Hardware.Kernels;
using Hearth.Hardware.Nvidia;
using Spectre.Console.Testing;

namespace Hearth.Cli.Tests;

/// <summary>The readable report of a recorded machine whose GPU has no driver.</summary>
public sealed class DoctorViewTests
{
    [Fact]
    public void A_broken_gpu_reads_as_not_working_with_its_fix_and_the_ai_line_comes_last()
    {
        var console = new TestConsole().Width(200);

        DoctorView.Render(console, Report());

        var lines = console.Output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Hearth doctor — Ubuntu 24.04.1 LTS, kernel 6.8.0-45-generic, bare metal", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("│ cpu", StringComparison.Ordinal) && l.Contains("works", StringComparison.Ordinal)
            && l.Contains("61%", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("NOT WORKING", StringComparison.Ordinal)
            && l.Contains("no driver is bound", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("install the NVIDIA driver", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("temperature: not exposed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("proof.", StringComparison.Ordinal));
        Assert.Equal("Your AI runs on: the CPU via ONNX Runtime CPU (280 sentences/s)", lines[^2]);
    }

    private static DoctorReport Report()
    {
        var host = new HostInfo("Ubuntu 24.04.1 LTS", "6.8.0-45-generic", 16L << 30, 12L << 30, null, null, null, null);
        var cpu = new CpuInfo("AMD EPYC 7543 32-Core Processor", 2, 2, 3700, ["SSE4.2", "AVX2", "FMA"], false);
        var inventory = new Inventory(host, cpu, 3700, [], true, new NvmlStatus(false, "libnvidia-ml.so.1 not found", null, null), [], [], [], null,
            "1.31.0", ["CPUExecutionProvider"]);
        DeviceReport[] devices =
        [
            new("cpu", "cpu", "AMD", cpu.Model, Status.Pass, "144 GFLOPS (AVX2+FMA 6×16), correct",
                new GemmMeasurement(1024, 144, 0.015, 1e-7, "AVX2+FMA 6×16"), 236.8, "2 cores × 3.70 GHz (listed) × 32 FLOP/cycle",
                [new("temperature", null, "°C")]),
            new("pci-0000:41:00.0", "gpu", "NVIDIA", "NVIDIA GPU 0000:41:00.0 (device 0x20b0)", Status.Fail,
                "on the PCI bus, but no driver is bound: it cannot compute", null, null, null, []),
        ];
        Check[] checks =
        [
            new("pci.gpu-driver", "GPU on the PCI bus has a driver", Status.Fail,
                "NVIDIA GPU at 0000:41:00.0 is on the PCI bus but no kernel driver is bound to it", "install the NVIDIA driver and reboot"),
            new("proof.cpu", "AMD EPYC computes", Status.Pass, "144 GFLOPS"),
        ];
        return new DoctorReport(1, DateTimeOffset.UnixEpoch, inventory, devices, checks, [], new AiPlacement(ExecutionProviders.Cpu, null),
            "the CPU via ONNX Runtime CPU (280 sentences/s)", 1.2);
    }
}
