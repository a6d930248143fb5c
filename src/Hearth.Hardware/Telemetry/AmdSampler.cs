using Hearth.Hardware.Amd;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Telemetry;

/// <summary>AMD GPUs through the amdgpu driver's sysfs files.</summary>
public sealed class AmdSampler : ISampler
{
    private readonly ISystemFiles files;

    public AmdSampler(ISystemFiles files)
    {
        this.files = files;
        Devices = [.. AmdSysfs.Read(files).Select(g => new DeviceDescriptor(Id(g), "gpu", g.Name ?? $"AMD GPU {g.PciAddress}", null, g.PciAddress))];
    }

    public IReadOnlyList<DeviceDescriptor> Devices { get; }

    public void Sample(IDictionary<string, double?> values, IList<ProcessUsage> processes)
    {
        foreach (var gpu in AmdSysfs.Read(files))
        {
            var id = Id(gpu);
            values[Series.Key(id, Series.Util)] = gpu.BusyPercent;
            values[Series.Key(id, Series.MemUsed)] = gpu.VramUsedBytes;
            values[Series.Key(id, Series.MemTotal)] = gpu.VramTotalBytes;
            values[Series.Key(id, Series.Temp)] = gpu.TemperatureC;
            values[Series.Key(id, Series.Power)] = gpu.PowerWatts;
        }
    }

    private static string Id(AmdGpu gpu) => $"amd{gpu.Card[4..]}";
}
