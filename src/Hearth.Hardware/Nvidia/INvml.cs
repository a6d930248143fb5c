namespace Hearth.Hardware.Nvidia;

/// <summary>
/// The NVIDIA Management Library, the source nvidia-smi itself reads. Implemented by
/// <see cref="NativeNvml"/> on real machines and by recorded fakes in tests.
/// </summary>
public interface INvml
{
    /// <summary>Loads and initialises NVML; never throws.</summary>
    NvmlStatus Initialize();

    /// <summary>Static description of every GPU NVML sees.</summary>
    IReadOnlyList<NvmlGpu> Devices();

    /// <summary>A reading of the live sensors of one GPU; unreadable fields are null.</summary>
    NvmlSample Sample(int index);

    /// <summary>Processes holding a compute context on one GPU.</summary>
    IReadOnlyList<NvmlProcess> ComputeProcesses(int index);
}

/// <summary>Whether NVML loaded and what the driver says of itself.</summary>
/// <param name="Loaded">The library was found and <c>nvmlInit</c> succeeded.</param>
/// <param name="Error">Why not, in NVML's words, when it did not.</param>
/// <param name="DriverVersion">Driver version such as <c>580.82.07</c>.</param>
/// <param name="CudaDriverVersion">Highest CUDA version the driver supports, as NVML encodes it (13000 = 13.0).</param>
public sealed record NvmlStatus(bool Loaded, string? Error, string? DriverVersion, int? CudaDriverVersion)
{
    public string? CudaVersionText => CudaDriverVersion is { } v ? $"{v / 1000}.{v % 1000 / 10}" : null;
}

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

/// <summary>A process with a compute context on a GPU.</summary>
public sealed record NvmlProcess(int Pid, long? UsedMemoryBytes);
