using Hearth.Hardware.Runs;
using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;
using Microsoft.Extensions.Time.Testing;

namespace Hearth.Hardware.Tests.Watchdog;

/// <summary>The watchdog on synthetic 1 Hz series, time driven by a <see cref="FakeTimeProvider"/>.</summary>
public sealed class WatchdogTests
{
    private static readonly DeviceDescriptor[] CpuAndGpu = [new("cpu", "cpu", "Test CPU", null, null),
        new("gpu0", "gpu", "NVIDIA H100", "GPU-0", null)];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));
    private readonly LiveSeries live = new(TimeSpan.FromMinutes(10));
    private readonly WatchdogEngine watchdog = new(WatchdogEngine.DefaultRules);
    private readonly List<Alert> changes = [];

    private RunRecord GpuJob => new(12, "python3 train.py", "gpu", 4242, time.GetUtcNow(), null, null, null, null);

    [Fact]
    public void A_cold_gpu_under_a_busy_cpu_raises_exactly_one_alert_and_recovery_clears_it()
    {
        var job = GpuJob;

        Run(TimeSpan.FromSeconds(90), job, cpu: 95, gpu: 0);
        var raised = Assert.Single(changes);
        Assert.Equal(("cold-gpu-job", Severity.Critical, "job 12"), (raised.Rule, raised.Severity, raised.Subject));
        Assert.Contains("expects a GPU, but gpu0 stayed idle (<5%) for 60 s while the CPU was busy (95% of 2 cores): it is running on the CPU",
            raised.Message, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(30), raised.RaisedAt); // after 60 s (+1 tick) of the condition

        Run(TimeSpan.FromSeconds(5), job, cpu: 40, gpu: 90);
        Assert.Equal(2, changes.Count);
        Assert.False(changes[1].Active);
        Assert.Empty(watchdog.Active);
    }

    [Fact]
    public void A_gpu_job_that_keeps_the_gpu_busy_raises_nothing()
    {
        Run(TimeSpan.FromMinutes(5), GpuJob, cpu: 100, gpu: 97);

        Assert.Empty(changes);
    }

    [Fact]
    public void A_cold_gpu_with_an_idle_cpu_is_not_a_cold_gpu_job()
    {
        Run(TimeSpan.FromMinutes(3), GpuJob, cpu: 3, gpu: 0); // waiting on I/O: not running on the CPU either

        Assert.Empty(changes);
    }

    [Fact]
    public void A_gpu_job_on_a_machine_without_gpu_is_flagged_after_a_minute()
    {
        Run(TimeSpan.FromSeconds(70), GpuJob, cpu: 99, gpu: null, devices: [CpuAndGpu[0]]);

        Assert.Contains("this machine has no GPU", Assert.Single(changes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_cpus_saturated_while_the_gpu_sleeps_warns_without_any_job()
    {
        Run(TimeSpan.FromSeconds(70), job: null, cpu: 99, gpu: 1);

        var alert = Assert.Single(changes);
        Assert.Equal(("cpu-saturated-gpu-idle", Severity.Warning), (alert.Rule, alert.Severity));
    }

    [Fact]
    public void Thermal_throttling_for_ten_seconds_warns_with_the_reason()
    {
        Run(TimeSpan.FromSeconds(15), job: null, cpu: 10, gpu: 100, extra: ("gpu0.throttle", 0x40));

        var alert = Assert.Single(changes);
        Assert.Equal("throttling", alert.Rule);
        Assert.Contains("hardware thermal slowdown", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gpu_memory_held_while_idle_for_five_minutes_warns()
    {
        Run(TimeSpan.FromMinutes(6), job: null, cpu: 2, gpu: 0, extra: ("gpu0.mem_used", 20e9));

        Assert.Equal("gpu-memory-idle", Assert.Single(changes).Rule);
    }

    [Fact]
    public void A_sensor_that_stops_reporting_for_thirty_seconds_warns()
    {
        Run(TimeSpan.FromSeconds(40), job: null, cpu: 10, gpu: 50, extra: ("gpu0.temp", 45));
        Run(TimeSpan.FromSeconds(35), job: null, cpu: 10, gpu: 50, extra: ("gpu0.temp", null));

        var alert = Assert.Single(changes);
        Assert.Equal(("sensor-stopped", "gpu0.temp"), (alert.Rule, alert.Subject));
    }

    /// <summary>Feeds one snapshot a second and evaluates the watchdog after each, as <c>hearth up</c> does.</summary>
    private void Run(TimeSpan duration, RunRecord? job, double cpu, double? gpu, DeviceDescriptor[]? devices = null,
        (string Name, double? Value)? extra = null)
    {
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromSeconds(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var values = new Dictionary<string, double?> { ["cpu.util"] = cpu, ["cpu0.util"] = cpu, ["cpu1.util"] = cpu };
            if (gpu is { } g)
            {
                values["gpu0.util"] = g;
            }

            if (extra is { } e)
            {
                values[e.Name] = e.Value;
            }

            live.Add(new TelemetrySnapshot(time.GetUtcNow(), values, []));
            changes.AddRange(watchdog.Evaluate(new WatchContext(live, devices ?? CpuAndGpu, job is null ? [] : [job], time.GetUtcNow())));
        }
    }
}
