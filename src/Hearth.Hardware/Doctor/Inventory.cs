using Hearth.Hardware.Amd;
using Hearth.Hardware.Cpu;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.Host;
using Hearth.Hardware.Nvidia;
using Hearth.Hardware.Pci;

namespace Hearth.Hardware.Doctor;

/// <summary>Everything found on the machine before any proof ran.</summary>
public sealed record Inventory(
    HostInfo Host,
    CpuInfo Cpu,
    double? MeasuredMhz,
    IReadOnlyList<PciDevice> Pci,
    bool PciVisible,
    NvmlStatus Nvml,
    IReadOnlyList<NvmlGpu> NvidiaGpus,
    IReadOnlyList<AmdGpu> AmdGpus,
    IReadOnlyList<ComputeAccelerator> Accelerators,
    string? AcceleratorError,
    string OnnxRuntimeVersion,
    IReadOnlyList<string> OnnxProviders)
{
    public int NvidiaOnBus => Pci.Count(p => p.VendorId == 0x10de);

    /// <summary>NVIDIA GPUs the machine has, by the larger of what the bus and NVML show.</summary>
    public int NvidiaPresent => Math.Max(NvidiaOnBus, NvidiaGpus.Count);
}
