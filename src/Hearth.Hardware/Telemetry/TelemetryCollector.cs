namespace Hearth.Hardware.Telemetry;

/// <summary>Runs every sampler once per tick and merges their answers into one snapshot.</summary>
public sealed class TelemetryCollector(IReadOnlyList<ISampler> samplers, TimeProvider time)
{
    public IReadOnlyList<DeviceDescriptor> Devices { get; } = [.. samplers.SelectMany(s => s.Devices)];

    public TelemetrySnapshot Collect()
    {
        var values = new Dictionary<string, double?>();
        var processes = new List<ProcessUsage>();
        foreach (var sampler in samplers)
        {
            sampler.Sample(values, processes);
        }

        return new TelemetrySnapshot(time.GetUtcNow(), values, Merge(processes));
    }

    /// <summary>GPU samplers know a PID's GPU use but not its name or CPU; the CPU sampler the reverse.</summary>
    private static List<ProcessUsage> Merge(List<ProcessUsage> processes)
    {
        var byPid = processes.Where(p => p.Gpu is null).GroupBy(p => p.Pid).ToDictionary(g => g.Key, g => g.First());
        var merged = new List<ProcessUsage>(byPid.Values);
        foreach (var gpu in processes.Where(p => p.Gpu is not null))
        {
            merged.Add(byPid.TryGetValue(gpu.Pid, out var cpu) ? gpu with { Name = cpu.Name, ParentPid = cpu.ParentPid } : gpu);
        }

        return merged;
    }
}
