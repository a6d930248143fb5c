using Hearth.Hardware.Doctor;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.Kernels;
using Hearth.Hardware.Nvidia;
using Hearth.Testing.Fakes;

namespace Hearth.Hardware.Tests.Doctor;

public sealed class GpuVerdictTests
{
    private static readonly GemmMeasurement Fast = new(4096, 48_000, 0.003, 1e-7, "cuBLAS (libcublas.so.13)");

    [Fact]
    public void A_correct_result_while_the_gpu_stayed_idle_fails_as_work_done_elsewhere()
    {
        var observation = new GpuObservation(FakeNvml.Idle, FakeNvml.Idle, null);

        var (status, verdict) = GpuVerdict.Judge(Fast, observation, cpuGflops: 300);

        Assert.Equal(Status.Fail, status);
        Assert.Contains("stayed cold", verdict, StringComparison.Ordinal);
        Assert.Contains("utilisation stayed at 0%", verdict, StringComparison.Ordinal);
        Assert.Contains("never listed this process", verdict, StringComparison.Ordinal);
        Assert.Contains("power did not rise", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_busy_hot_gpu_holding_our_memory_passes_with_the_evidence_in_words()
    {
        var observation = new GpuObservation(FakeNvml.Idle, FakeNvml.Loaded, 1L << 30);

        var (status, verdict) = GpuVerdict.Judge(Fast, observation, cpuGflops: 300);

        Assert.Equal(Status.Pass, status);
        Assert.Contains("utilisation 100%", verdict, StringComparison.Ordinal);
        Assert.Contains("1024 MiB held by this process", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_results_fail_whatever_the_sensors_say()
    {
        var observation = new GpuObservation(FakeNvml.Idle, FakeNvml.Loaded, 1L << 30);

        var (status, verdict) = GpuVerdict.Judge(Fast with { MaxError = 0.5 }, observation, 300);

        Assert.Equal(Status.Fail, status);
        Assert.Contains("wrong results", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpu_within_ten_times_the_cpu_is_flagged_as_probably_cpu()
    {
        var observation = new GpuObservation(FakeNvml.Idle, FakeNvml.Loaded, 1L << 30);

        var (status, verdict) = GpuVerdict.Judge(Fast with { Gflops = 900 }, observation, cpuGflops: 300);

        Assert.Equal(Status.Warn, status);
        Assert.Contains("probably CPU", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Thermal_throttling_during_the_run_is_a_warning_that_names_the_reason()
    {
        var observation = new GpuObservation(FakeNvml.Idle, FakeNvml.Loaded with { ClocksEventReasons = 0x40 }, 1L << 30);

        var (status, verdict) = GpuVerdict.Judge(Fast, observation, 300);

        Assert.Equal(Status.Warn, status);
        Assert.Contains("hardware thermal slowdown", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_nvml_a_correct_result_is_only_a_warning()
    {
        var (status, verdict) = GpuVerdict.Judge(Fast, null, 300);

        Assert.Equal(Status.Warn, status);
        Assert.Contains("NVML is not available", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensors_that_are_not_exposed_do_not_fail_a_gpu_that_is_otherwise_busy()
    {
        var blind = new NvmlSample(null, null, null, null, null, null, null, null, null);
        var busy = blind with { GpuUtilizationPercent = 97 };

        var (status, verdict) = GpuVerdict.Judge(Fast, new GpuObservation(blind, busy, 1L << 30), 300);

        Assert.Equal(Status.Pass, status);
        Assert.Contains("power not exposed", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpu_already_busy_and_at_its_power_cap_passes_on_utilisation_and_memory()
    {
        var before = FakeNvml.Loaded with { GpuUtilizationPercent = 96, PowerWatts = 688 }; // another tenant, 700 W cap
        var during = FakeNvml.Loaded with { PowerWatts = 695 };

        var (status, verdict) = GpuVerdict.Judge(Fast, new GpuObservation(before, during, 1L << 30), 300, powerLimitWatts: 700);

        Assert.Equal(Status.Pass, status);
        Assert.Contains("already busy or near its power cap", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mig_instance_without_utilisation_passes_when_the_clock_rises_and_warns_when_nothing_can_tell()
    {
        var mig = new NvmlSample(null, null, 1410, 40L << 30, 45, 350, 1_000_000, 0, 0); // a neighbour keeps the GPU warm
        var clocked = mig with { SmClockMhz = 1980 };

        var (risen, evidence) = GpuVerdict.Judge(Fast, new GpuObservation(mig, clocked, 1L << 30), 300, 700);
        var (flat, unknown) = GpuVerdict.Judge(Fast, new GpuObservation(mig, mig, 1L << 30), 300, 700);

        Assert.Equal(Status.Pass, risen);
        Assert.Contains("utilisation not exposed", evidence, StringComparison.Ordinal);
        Assert.Contains("SM clock 1,410 MHz → 1,980 MHz", evidence, StringComparison.Ordinal);
        Assert.Equal(Status.Warn, flat);
        Assert.Contains("could not be confirmed", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_held_under_a_host_pid_counts_as_this_process_with_the_reason()
    {
        var observation = new GpuObservation(FakeNvml.Idle, FakeNvml.Loaded, null, ForeignMemoryBytes: 2L << 30);

        var (status, verdict) = GpuVerdict.Judge(Fast, observation, 300);

        Assert.Equal(Status.Pass, status);
        Assert.Contains("2048 MiB held by a process NVML lists under a PID this container cannot see", verdict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NVIDIA H200", 66_900, 4800)]
    [InlineData("NVIDIA H200 NVL", 60_000, 4800)]
    [InlineData("NVIDIA H100 PCIe", 51_200, 2000)]
    [InlineData("NVIDIA H100 80GB HBM3", 66_900, 3350)]
    [InlineData("NVIDIA A100-SXM4-80GB", 19_500, 2039)]
    public void Data_sheet_peaks_match_the_most_specific_model_name(string name, double gflops, double bandwidth)
    {
        var peak = GpuPeaks.For(name);

        Assert.Equal(gflops, peak!.Value.Fp32Gflops, 6);
        Assert.Equal(bandwidth, peak.Value.BandwidthGBs);
        Assert.Null(GpuPeaks.For("Some Unknown GPU"));
    }

    [Fact]
    public void Clocks_event_reasons_are_decoded_into_words()
    {
        Assert.Equal(["idle", "software power cap", "hardware thermal slowdown"], ClocksEventReasons.Describe(0x1 | 0x4 | 0x40));
    }
}
