using Hearth.Hardware.Nvidia;

namespace Hearth.Hardware.Telemetry;

/// <summary>
/// NVIDIA GPUs through NVML (never nvidia-smi's text): utilisation, clocks, memory, temperature, power, energy, pstate, throttling, and the processes
/// on each GPU.
/// </summary>
public sealed class NvidiaSampler : ISampler
{
    private readonly INvml nvml;
    private readonly IReadOnlyList<NvmlGpu> gpus;

    public NvidiaSampler(INvml nvml)
    {
        this.nvml = nvml;
        gpus = nvml.Initialize().Loaded ? nvml.Devices() : [];
        Devices = [.. gpus.Select(g => new DeviceDescriptor(Id(g), "gpu", g.Name, g.Uuid, g.PciBusId))];
    }

    public IReadOnlyList<DeviceDescriptor> Devices { get; }

    public void Sample(IDictionary<string, double?> values, IList<ProcessUsage> processes)
    {
        foreach (var gpu in gpus)
        {
            var id = Id(gpu);
            var s = nvml.Sample(gpu.Index);
            values[Series.Key(id, Series.Util)] = s.GpuUtilizationPercent;
            values[Series.Key(id, Series.MemUtil)] = s.MemoryUtilizationPercent;
            values[Series.Key(id, Series.SmClock)] = s.SmClockMhz;
            values[Series.Key(id, Series.MemUsed)] = s.MemoryUsedBytes;
            values[Series.Key(id, Series.MemTotal)] = gpu.MemoryTotalBytes;
            values[Series.Key(id, Series.Temp)] = s.TemperatureC;
            values[Series.Key(id, Series.Power)] = s.PowerWatts;
            values[Series.Key(id, Series.Energy)] = s.EnergyMillijoules / 1000.0;
            values[Series.Key(id, Series.Pstate)] = s.PerformanceState;
            values[Series.Key(id, Series.Throttle)] = s.ClocksEventReasons;

            var utilization = nvml.ProcessUtilization(gpu.Index);
            foreach (var process in nvml.ComputeProcesses(gpu.Index))
            {
                processes.Add(new ProcessUsage(process.Pid, 0, "", 0, id, process.UsedMemoryBytes,
                    utilization.TryGetValue(process.Pid, out var sm) ? sm : null));
            }
        }
    }

    private static string Id(NvmlGpu gpu) => $"gpu{gpu.Index}";
}
