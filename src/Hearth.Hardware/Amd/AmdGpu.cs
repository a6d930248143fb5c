namespace Hearth.Hardware.Amd;

/// <summary>An AMD GPU as the amdgpu driver shows it in sysfs; null readings are "not exposed".</summary>
public sealed record AmdGpu(
    string Card,
    string PciAddress,
    string? Name,
    long? VramTotalBytes,
    long? VramUsedBytes,
    int? BusyPercent,
    double? TemperatureC,
    double? PowerWatts);
