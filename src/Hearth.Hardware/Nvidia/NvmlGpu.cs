namespace Hearth.Hardware.Nvidia;

/// <summary>One GPU as NVML describes it; null fields were not exposed.</summary>
public sealed record NvmlGpu(
    int Index,
    string Name,
    string? Uuid,
    string? PciBusId,
    long? MemoryTotalBytes,
    int? PcieGeneration,
    int? PcieWidth,
    double? PowerLimitWatts,
    string? ComputeCapability,
    long? UncorrectedEccErrors,
    int? PendingRemappedRows);
