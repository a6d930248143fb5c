using Hearth.Hardware.Bench;
using Hearth.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Hearth.Hardware.Tests.Bench;

public sealed class BenchRunnerTests
{
    private static readonly BenchOptions Small = new([32, 64], CpuTriadElements: 1 << 16, GpuTriadElements: 1 << 16);

    [Fact]
    public void A_gpu_gets_the_sweep_the_speedup_over_the_cpu_and_its_bandwidth_as_a_share_of_the_data_sheet()
    {
        var compute = new FakeCompute(FakeCompute.Cuda(name: "NVIDIA H200"));
        var runner = new BenchRunner(Machines.From("vm-no-sensors", compute: compute), new FakeTimeProvider());

        var result = runner.Run(Small, null, CancellationToken.None);

        Assert.Equal(["cpu", "gpu0"], result.Devices.Select(d => d.Id));
        Assert.Equal([32, 64], result.Figures.Where(f => f.Device == "cpu" && f.Metric == "sgemm").Select(f => f.Size));
        Assert.Equal([32, 64, 8192], result.Figures.Where(f => f.Device == "gpu0" && f.Metric == "sgemm").Select(f => f.Size));
        var speedup = result.Figures.Single(f => f.Device == "gpu0" && f.Metric == "speedup" && f.Size == 64);
        var cpu64 = result.Figures.Single(f => f.Device == "cpu" && f.Metric == "sgemm" && f.Size == 64);
        Assert.Equal(48_000 / cpu64.Value, speedup.Value, 6);
        var triad = result.Figures.Single(f => f.Device == "gpu0" && f.Metric == "triad");
        Assert.Equal(100 * 4100 / 4800.0, triad.PercentOfPeak!.Value, 6);
        Assert.Equal(100 * 48_000 / 66_900.0, result.Figures.First(f => f.Device == "gpu0" && f.Metric == "sgemm").PercentOfPeak!.Value, 6);
    }

    [Fact]
    public void A_gpu_measurement_that_fails_becomes_a_note_and_the_others_are_kept()
    {
        var compute = new FakeCompute(FakeCompute.Cuda(name: "NVIDIA L4")) { OutOfMemoryFrom = 8192 };
        var runner = new BenchRunner(Machines.From("vm-no-sensors", compute: compute), new FakeTimeProvider());

        var result = runner.Run(Small, null, CancellationToken.None);

        Assert.Equal([32, 64], result.Figures.Where(f => f.Device == "gpu0" && f.Metric == "sgemm").Select(f => f.Size));
        Assert.Contains("gpu0 SGEMM N=8192 failed: out of GPU memory for N=8192", result.Notes);
        Assert.Single(result.Figures, f => f.Device == "gpu0" && f.Metric == "triad");
    }

    [Fact]
    public void Without_a_gpu_or_a_working_cuda_provider_the_notes_say_what_was_not_measured()
    {
        var runner = new BenchRunner(Machines.From("vm-no-sensors"), new FakeTimeProvider());

        var result = runner.Run(Small, null, CancellationToken.None);

        Assert.DoesNotContain(result.Figures, f => f.Device != "cpu");
        Assert.Contains(result.Notes, n => n.StartsWith("no GPU reachable", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("CUDAExecutionProvider not measured", StringComparison.Ordinal)
            && n.Contains("libcublasLt.so.13", StringComparison.Ordinal));
        Assert.Equal(280, result.Figures.Single(f => f.Metric == "embeddings").Value);
    }
}
