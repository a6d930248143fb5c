using Hearth.Hardware.Gpu;
using Hearth.Hardware.Kernels;

namespace Hearth.Testing.Fakes;

/// <summary>Recorded accelerators; a GEMM either heats the fake NVML while it runs or leaves it cold.</summary>
public sealed class FakeCompute(params ComputeAccelerator[] accelerators) : IGpuCompute
{
    public string? Error { get; init; }

    public GemmMeasurement Result { get; init; } = new(4096, 48_000, 0.0029, 2e-7, "cuBLAS (libcublas.so.13)");

    /// <summary>When set, the GPU looks busy to this NVML while the GEMM runs.</summary>
    public FakeNvml? Heats { get; init; }

    public List<ComputeAccelerator> Ran { get; } = [];

    /// <summary>Sizes at which the GEMM runs out of GPU memory.</summary>
    public int? OutOfMemoryFrom { get; init; }

    public static ComputeAccelerator Cuda(int index = 0, string bus = "0000:1b:00.0", string name = "NVIDIA H100 80GB HBM3") =>
        new(index, "Cuda", name, 80L << 30, bus);

    public (IReadOnlyList<ComputeAccelerator> Accelerators, string? Error) Enumerate() => (accelerators, Error);

    public GemmMeasurement Gemm(ComputeAccelerator accelerator, int n, TimeSpan minimum, CancellationToken cancellationToken)
    {
        Ran.Add(accelerator);
        if (n >= OutOfMemoryFrom)
        {
            throw new InvalidOperationException($"out of GPU memory for N={n}"); // as ILGPU reports a failed allocation
        }

        if (Heats is { } nvml)
        {
            nvml.Busy = true;
            nvml.WaitUntilObserved();
            nvml.Busy = false;
        }

        return Result with { Size = n };
    }

    public double TriadBandwidth(ComputeAccelerator accelerator, long elements) => 4100;
}
