namespace Hearth.Hardware.Telemetry;

/// <summary>One source of telemetry. Samplers keep the previous reading to turn counters into rates.</summary>
public interface ISampler
{
    /// <summary>The devices this sampler reports on (stable for the life of the process).</summary>
    IReadOnlyList<DeviceDescriptor> Devices { get; }

    /// <summary>Adds this tick's series values and process usage.</summary>
    void Sample(IDictionary<string, double?> values, IList<ProcessUsage> processes);
}
