namespace Hearth.Hardware.Nvidia;

/// <summary>A process with a compute context on a GPU.</summary>
public sealed record NvmlProcess(int Pid, long? UsedMemoryBytes);
