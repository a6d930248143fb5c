using Hearth.Hardware.Gpu;
using Hearth.Hardware.Kernels;

namespace Hearth.Hardware.Tests.Kernels;

/// <summary>The GPU kernels, run for real by ILGPU's CPU accelerator (the same IL that runs on CUDA).</summary>
public sealed class IlgpuKernelTests
{
    [Fact]
    public void Tiled_gemm_on_the_ilgpu_cpu_accelerator_is_correct_on_an_odd_size()
    {
        using var compute = new IlgpuCompute();
        var (accelerators, error) = compute.Enumerate();
        Assert.Null(error);
        var cpu = Assert.Single(accelerators, a => a.Type == "CPU");

        var result = compute.Gemm(cpu, 37, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("ILGPU tiled kernel", result.Engine);
        Assert.True(result.Valid, $"relative error {result.MaxError}");
        Assert.True(result.MaxError < 1e-5);
    }

    [Fact]
    public void Triad_on_the_ilgpu_cpu_accelerator_reports_a_bandwidth()
    {
        using var compute = new IlgpuCompute();
        var cpu = compute.Enumerate().Accelerators.Single(a => a.Type == "CPU");

        Assert.True(compute.TriadBandwidth(cpu, 4096) > 0);
    }

    [Fact]
    public void Cpu_triad_moves_memory_at_a_positive_rate()
    {
        Assert.True(CpuTriad.Measure(1 << 16, 2) > 0);
    }
}
