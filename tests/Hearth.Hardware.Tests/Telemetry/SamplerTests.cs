using Hearth.Hardware.Telemetry;
using Hearth.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Hearth.Hardware.Tests.Telemetry;

public sealed class SamplerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));

    private static MemoryFiles TwoCoreMachine()
    {
        var files = new MemoryFiles
        {
            ["/proc/stat"] = "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\ncpu1 50 0 50 400 0 0 0 0 0 0\nintr 1234\n",
            ["/proc/cpuinfo"] = "processor\t: 0\ncpu MHz\t\t: 2200.000\n\nprocessor\t: 1\ncpu MHz\t\t: 2200.000\n",
            ["/sys/devices/system/cpu/cpu1/cpufreq/scaling_cur_freq"] = "3400000\n",
            ["/proc/loadavg"] = "1.52 0.80 0.40 2/300 4242\n",
            ["/proc/meminfo"] = "MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:   12000000 kB\n",
            ["/sys/class/powercap/intel-rapl:0/energy_uj"] = "1000000000\n",
            ["/proc/42/stat"] = "42 (python3 train.py) R 1 42 42 0 -1 4194304 100 0 0 0 500 100 0 0 20 0 4 0 100 0 0\n",
            ["/proc/7/stat"] = "7 (idle (daemon)) S 1 7 7 0 -1 4194304 100 0 0 0 10 5 0 0 20 0 1 0 100 0 0\n",
        };
        return files;
    }

    [Fact]
    public void Cpu_utilisation_power_and_process_shares_come_from_counter_deltas()
    {
        var files = TwoCoreMachine();
        var sampler = new CpuSampler(files, time, "Test CPU");
        var first = Sample(sampler);
        files["/proc/stat"] = "cpu  250 0 150 900 0 0 0 0 0 0\ncpu0 150 0 50 400 0 0 0 0 0 0\ncpu1 100 0 100 500 0 0 0 0 0 0\n";
        files["/sys/class/powercap/intel-rapl:0/energy_uj"] = "1045000000\n";
        files["/proc/42/stat"] = "42 (python3 train.py) R 1 42 42 0 -1 4194304 100 0 0 0 580 120 0 0 20 0 4 0 100 0 0\n";
        time.Advance(TimeSpan.FromSeconds(1));

        var (values, processes) = Sample(sampler);

        Assert.Null(first.Values["cpu.util"]); // no delta on the first tick, never a made-up 0
        Assert.Equal(200.0 / 300 * 100, values["cpu.util"]!.Value, 6); // 200 busy ticks of 300
        Assert.Equal(100, values["cpu0.util"]!.Value, 6);
        Assert.Equal(50, values["cpu1.util"]!.Value, 6);
        Assert.Equal(2200, values["cpu0.freq"]);
        Assert.Equal(3400, values["cpu1.freq"]);
        Assert.Equal(1.52, values["cpu.load1"]);
        Assert.Equal(16000000.0 * 1024, values["cpu.mem_total"]);
        Assert.Equal(4000000.0 * 1024, values["cpu.mem_used"]);
        Assert.Equal(45, values["cpu.power"]!.Value, 6);
        Assert.Null(values["cpu.temp"]);
        var train = Assert.Single(processes, p => p.Pid == 42);
        Assert.Equal("python3 train.py", train.Name);
        Assert.Equal(1, train.ParentPid);
        Assert.Equal(100, train.CpuPercent, 6);
        Assert.Equal("idle (daemon)", processes.Single(p => p.Pid == 7).Name);
    }

    [Fact]
    public void Nvidia_gpus_report_every_sensor_and_the_processes_on_them()
    {
        using var busy = new FakeNvml(new(true, null, "580", 13000), FakeNvml.H100()) { BusyPid = 42, Busy = true };
        var sampler = new NvidiaSampler(busy);

        var (values, processes) = Sample(sampler);

        var gpu = Assert.Single(sampler.Devices);
        Assert.Equal(("gpu0", "NVIDIA H100 80GB HBM3", "GPU-0"), (gpu.Id, gpu.Name, gpu.Uuid));
        Assert.Equal(100, values["gpu0.util"]);
        Assert.Equal(1980, values["gpu0.sm_clock"]);
        Assert.Equal(610, values["gpu0.power"]);
        Assert.Equal(1000.5, values["gpu0.energy"]);
        Assert.Equal(80.0 * (1L << 30), values["gpu0.mem_total"]);
        var process = Assert.Single(processes);
        Assert.Equal(("gpu0", 1L << 30, 97), (process.Gpu, process.GpuMemoryBytes!.Value, process.GpuSmPercent!.Value));
    }

    [Fact]
    public void Amd_gpus_are_sampled_from_sysfs()
    {
        var sampler = new AmdSampler(Machines.Files("amd-card"));

        var (values, _) = Sample(sampler);

        Assert.Equal("amd0", Assert.Single(sampler.Devices).Id);
        Assert.Equal(3, values["amd0.util"]);
        Assert.Equal(38, values["amd0.temp"]);
        Assert.Equal(42, values["amd0.power"]);
    }

    [Fact]
    public void The_collector_merges_gpu_use_into_the_process_it_belongs_to()
    {
        var files = TwoCoreMachine();
        using var nvml = new FakeNvml(new(true, null, "580", 13000), FakeNvml.H100()) { BusyPid = 42, Busy = true };
        var collector = new TelemetryCollector([new CpuSampler(files, time, "Test CPU"), new NvidiaSampler(nvml)], time);

        var snapshot = collector.Collect();

        Assert.Equal(["cpu", "gpu0"], collector.Devices.Select(d => d.Id));
        var onGpu = Assert.Single(snapshot.Processes, p => p.Gpu is not null);
        Assert.Equal(("python3 train.py", 1), (onGpu.Name, onGpu.ParentPid));
        Assert.Equal(time.GetUtcNow(), snapshot.At);
    }

    private static (IDictionary<string, double?> Values, List<ProcessUsage> Processes) Sample(ISampler sampler)
    {
        var values = new Dictionary<string, double?>();
        var processes = new List<ProcessUsage>();
        sampler.Sample(values, processes);
        return (values, processes);
    }
}
