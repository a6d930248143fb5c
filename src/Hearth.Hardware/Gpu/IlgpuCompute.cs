using Hearth.Hardware.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Hearth.Hardware.Gpu;

/// <summary>
/// Accelerators through ILGPU. Devices are always chosen explicitly by index, never with
/// <c>GetPreferredDevice</c>, which ranks by memory size and can pick an OpenCL CPU over a CUDA card.
/// </summary>
public sealed class IlgpuCompute : IGpuCompute, IDisposable
{
    private readonly Lazy<(Context? Context, string? Error)> context = new(Create);

    public (IReadOnlyList<ComputeAccelerator> Accelerators, string? Error) Enumerate()
    {
        var (ctx, error) = context.Value;
        if (ctx is null)
        {
            return ([], error);
        }

        return ([.. ctx.Devices.Select((d, i) => new ComputeAccelerator(
            i,
            d.AcceleratorType.ToString(),
            d.Name,
            d.AcceleratorType == AcceleratorType.CPU ? null : d.MemorySize,
            (d as CudaDevice)?.NVMLPCIBusId))], null);
    }

    public GemmMeasurement Gemm(ComputeAccelerator accelerator, int n, TimeSpan minimum, CancellationToken cancellationToken)
    {
        using var device = Open(accelerator);
        return GpuGemm.Measure(device, n, minimum, cancellationToken);
    }

    public double TriadBandwidth(ComputeAccelerator accelerator, long elements)
    {
        using var device = Open(accelerator);
        return GpuGemm.TriadBandwidth(device, elements);
    }

    public void Dispose()
    {
        if (context.IsValueCreated)
        {
            context.Value.Context?.Dispose();
        }
    }

    private Accelerator Open(ComputeAccelerator accelerator)
    {
        var ctx = context.Value.Context ?? throw new InvalidOperationException(context.Value.Error);
        return ctx.Devices[accelerator.Index].CreateAccelerator(ctx);
    }

    private static (Context?, string?) Create()
    {
        try
        {
            // The CPU simulator gets 256 threads per group (4 × 64), enough for the 16 × 16 GEMM tiles.
            return (Context.Create(b => b.Cuda().OpenCL().CPU(new CPUDevice(4, 64, 1)).Optimize(OptimizationLevel.O1)), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"ILGPU could not start: {e.Message}");
        }
    }
}
