using Hearth.Hardware.Telemetry;

namespace Hearth.Testing.Fakes;

/// <summary>A sampler that reports what a test scripts: a CPU and an NVIDIA GPU whose readings the test sets.</summary>
public sealed class ScriptedSampler : ISampler
{
    private readonly Lock gate = new();
    private Dictionary<string, double?> readings = new()
    {
        ["cpu.util"] = 12,
        ["cpu0.util"] = 10,
        ["cpu1.util"] = 14,
        ["cpu0.freq"] = 3400,
        ["cpu1.freq"] = 3300,
        ["cpu.mem_used"] = 4e9,
        ["cpu.mem_total"] = 16e9,
        ["cpu.temp"] = null,
        ["cpu.power"] = null,
        ["gpu0.util"] = 0,
        ["gpu0.mem_util"] = 0,
        ["gpu0.sm_clock"] = 345,
        ["gpu0.mem_used"] = 512e6,
        ["gpu0.mem_total"] = 80e9,
        ["gpu0.temp"] = 31,
        ["gpu0.power"] = 72,
        ["gpu0.energy"] = 1000,
        ["gpu0.pstate"] = 0,
        ["gpu0.throttle"] = 1,
    };

    public IReadOnlyList<DeviceDescriptor> Devices { get; } =
        [new("cpu", "cpu", "Recorded CPU", null, null), new("gpu0", "gpu", "NVIDIA H100 80GB HBM3", "GPU-8c1f7a2e", "00000000:1B:00.0")];

    /// <summary>Sets readings for the following ticks.</summary>
    public void Set(params (string Series, double? Value)[] readings)
    {
        lock (gate)
        {
            var next = new Dictionary<string, double?>(this.readings);
            foreach (var (series, value) in readings)
            {
                next[series] = value;
            }

            this.readings = next;
        }
    }

    public void Sample(IDictionary<string, double?> values, IList<ProcessUsage> processes)
    {
        lock (gate)
        {
            foreach (var (series, value) in readings)
            {
                values[series] = value;
            }
        }

        processes.Add(new ProcessUsage(4242, 1, "python3", 99, null, null, null));
    }
}
