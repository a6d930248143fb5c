namespace Hearth.Hardware.Nvidia;

/// <summary>Live sensors of one GPU; null means "not exposed", never zero.</summary>
public sealed record NvmlSample(
    int? GpuUtilizationPercent,
    int? MemoryUtilizationPercent,
    int? SmClockMhz,
    long? MemoryUsedBytes,
    double? TemperatureC,
    double? PowerWatts,
    long? EnergyMillijoules,
    int? PerformanceState,
    ulong? ClocksEventReasons);
