using Hearth.Hardware.Kernels;

namespace Hearth.Hardware.Gpu;

/// <summary>Runs work on accelerators: ILGPU on real machines, recorded fakes in tests.</summary>
public interface IGpuCompute
{
    /// <summary>Every accelerator ILGPU found, and why none could be listed when enumeration failed.</summary>
    (IReadOnlyList<ComputeAccelerator> Accelerators, string? Error) Enumerate();

    /// <summary>Timed, validated SGEMM on one explicitly chosen accelerator, repeated for at least <paramref name="minimum"/>.</summary>
    GemmMeasurement Gemm(ComputeAccelerator accelerator, int n, TimeSpan minimum, CancellationToken cancellationToken);

    /// <summary>STREAM triad bandwidth in GB/s.</summary>
    double TriadBandwidth(ComputeAccelerator accelerator, long elements);
}
