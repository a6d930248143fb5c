namespace Hearth.Hardware.Nvidia;

/// <summary>One GPU as NVML describes it; null fields were not exposed.</summary>
/// <param name="MigMode">Split into MIG instances: NVML then reports no utilisation for it, and its processes per instance.</param>
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
    int? PendingRemappedRows,
    bool MigMode = false);
