namespace Hearth.Hardware.Gpu;

/// <summary>An accelerator as ILGPU sees it.</summary>
/// <param name="Index">Position in ILGPU's device list.</param>
/// <param name="Type">"Cuda", "OpenCL" or "CPU" (ILGPU's CPU accelerator is a simulator for correctness only).</param>
/// <param name="PciBusId">PCI address NVML uses for the same GPU (CUDA only).</param>
public sealed record ComputeAccelerator(int Index, string Type, string Name, long? MemoryBytes, string? PciBusId);
