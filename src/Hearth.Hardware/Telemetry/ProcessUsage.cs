namespace Hearth.Hardware.Telemetry;

/// <summary>
/// A process and what it uses: one entry with its CPU share (100 = one core) and <paramref name="Gpu"/> null,
/// plus one entry per GPU it holds memory on, with that memory and its SM activity there.
/// </summary>
/// <param name="Gpu">Device id of the GPU it holds memory on (<c>gpu0</c>…), or null.</param>
/// <param name="GpuSmPercent">Its share of the GPU's SM time, when NVML reports per-process utilisation.</param>
public sealed record ProcessUsage(int Pid, int ParentPid, string Name, double CpuPercent, string? Gpu, long? GpuMemoryBytes, int? GpuSmPercent);
