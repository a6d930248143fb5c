namespace Hearth.Hardware.Nvidia;

/// <summary>
/// The NVIDIA Management Library, the source nvidia-smi itself reads. Implemented by
/// <see cref="NvmlLibrary"/> on real machines and by recorded fakes in tests.
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

    /// <summary>Per-process SM utilisation (%) over NVML's last sampling window; empty where not supported.</summary>
    IReadOnlyDictionary<int, int> ProcessUtilization(int index);
}
