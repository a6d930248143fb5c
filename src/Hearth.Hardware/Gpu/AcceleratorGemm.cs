using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Hearth.Hardware.Gpu;

/// <summary>
/// Matrix products on one accelerator for code that keeps its matrices in host memory (the training engine): each
/// product copies A and B over, multiplies (cuBLAS on CUDA where a libcublas loads, else ILGPU's tiled kernel, the very
/// code <c>hearth doctor</c> proves) and copies C back. One product at a time.
/// </summary>
public sealed class AcceleratorGemm : IDisposable
{
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly Cublas? cublas;
    private readonly Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> kernel;
    private readonly Lock gate = new();
    private MemoryBuffer1D<float, Stride1D.Dense>? a;
    private MemoryBuffer1D<float, Stride1D.Dense>? b;
    private MemoryBuffer1D<float, Stride1D.Dense>? c;

    private AcceleratorGemm(Context context, Accelerator accelerator)
    {
        (this.context, this.accelerator) = (context, accelerator);
        string? cublasError = null;
        if (accelerator is CudaAccelerator)
        {
            accelerator.Bind(); // cuBLAS must live in ILGPU's CUDA context
            cublas = Cublas.TryLoad(out cublasError);
        }

        kernel = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(GemmKernels.TiledSgemm);
        Name = $"{accelerator.AcceleratorType} {accelerator.Name} ("
            + (cublas is not null ? $"cuBLAS {cublas.LibraryName})" : $"ILGPU tiled kernel{(cublasError is null ? "" : $"; {cublasError}")})");
    }

    /// <summary>The accelerator and what multiplies on it, e.g. "Cuda NVIDIA H200 (cuBLAS libcublas.so.13)".</summary>
    public string Name { get; }

    /// <summary>Products computed on the accelerator so far.</summary>
    public long Products { get; private set; }

    /// <summary>The first accelerator of a kind: "cuda", or "cpu" (ILGPU's CPU simulator: the same code path, for tests).</summary>
    /// <exception cref="InvalidOperationException">No such accelerator here (with the reason ILGPU gives).</exception>
    public static AcceleratorGemm Open(string kind)
    {
        var context = kind == "cpu" ? Context.Create(b => b.CPU(new CPUDevice(4, 64, 1)).Optimize(OptimizationLevel.O1))
            : Context.Create(b => b.Cuda().Optimize(OptimizationLevel.O1));
        var device = context.Devices.FirstOrDefault(d => kind == "cpu" ? d.AcceleratorType == AcceleratorType.CPU
            : d.AcceleratorType == AcceleratorType.Cuda);
        if (device is null)
        {
            context.Dispose();
            throw new InvalidOperationException($"no {kind} accelerator on this machine: 'hearth doctor' says why");
        }

        return new AcceleratorGemm(context, device.CreateAccelerator(context));
    }

    /// <summary>C (m × n) = A (m × k) · B (k × n), row-major.</summary>
    public void Multiply(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> product, int m, int n, int k)
    {
        lock (gate)
        {
            var (da, db, dc) = (Fit(ref a, (long)m * k), Fit(ref b, (long)k * n), Fit(ref c, (long)m * n));
            da.View.BaseView.SubView(0, (long)m * k).CopyFromCPU(ref MemoryMarshal.GetReference(left), (long)m * k);
            db.View.BaseView.SubView(0, (long)k * n).CopyFromCPU(ref MemoryMarshal.GetReference(right), (long)k * n);
            if (cublas is not null)
            {
                cublas.Sgemm(da.NativePtr, db.NativePtr, dc.NativePtr, m, n, k);
            }
            else
            {
                kernel(GemmKernels.GemmConfig(m, n), da.View, db.View, dc.View, m, n, k);
            }

            accelerator.Synchronize();
            Products++;
            dc.View.BaseView.SubView(0, (long)m * n).CopyToCPU(ref MemoryMarshal.GetReference(product), (long)m * n);
        }
    }

    /// <summary>A device buffer of at least <paramref name="length"/> floats, kept between products.</summary>
    private MemoryBuffer1D<float, Stride1D.Dense> Fit(ref MemoryBuffer1D<float, Stride1D.Dense>? buffer, long length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = accelerator.Allocate1D<float>(Math.Max(length, 1));
        }

        return buffer;
    }

    public void Dispose()
    {
        a?.Dispose();
        b?.Dispose();
        c?.Dispose();
        cublas?.Dispose();
        accelerator.Dispose();
        context.Dispose();
    }
}
