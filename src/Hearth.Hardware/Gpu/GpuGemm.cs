using System.Diagnostics;
using Hearth.Hardware.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Hearth.Hardware.Gpu;

/// <summary>Times and validates SGEMM and the STREAM triad on one ILGPU accelerator.</summary>
public static class GpuGemm
{
    /// <summary>
    /// Multiplies two n × n matrices again and again for at least <paramref name="minimum"/> so that
    /// sensors sampled meanwhile see the load, and keeps the best time. On CUDA it uses cuBLAS when a
    /// libcublas loads, else (and on other accelerators) ILGPU's tiled kernel.
    /// </summary>
    public static GemmMeasurement Measure(Accelerator accelerator, int n, TimeSpan minimum, CancellationToken cancellationToken = default)
    {
        var a = GemmCheck.Random(n * n, 1);
        var b = GemmCheck.Random(n * n, 2);
        using var da = accelerator.Allocate1D(a);
        using var db = accelerator.Allocate1D(b);
        using var dc = accelerator.Allocate1D<float>((long)n * n);
        accelerator.Synchronize();

        // cuBLAS must be created in ILGPU's CUDA context (device pointers belong to it): bind first.
        string? cublasError = null;
        if (accelerator is CudaAccelerator)
        {
            accelerator.Bind();
        }

        using var cublas = accelerator is CudaAccelerator ? Cublas.TryLoad(out cublasError) : null;
        Action multiply;
        string engine;
        if (cublas is not null)
        {
            multiply = () => cublas.Sgemm(da.NativePtr, db.NativePtr, dc.NativePtr, n, n, n);
            engine = $"cuBLAS ({cublas.LibraryName})";
        }
        else
        {
            var kernel = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(GemmKernels.TiledSgemm);
            multiply = () => kernel(GemmKernels.GemmConfig(n, n), da.View, db.View, dc.View, n, n, n);
            engine = cublasError is null ? "ILGPU tiled kernel" : $"ILGPU tiled kernel (cuBLAS unavailable: {cublasError})";
        }

        multiply();
        accelerator.Synchronize();
        var best = double.MaxValue;
        var total = Stopwatch.StartNew();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            multiply();
            accelerator.Synchronize();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        while (total.Elapsed < minimum);

        var c = dc.GetAsArray1D();
        return new GemmMeasurement(n, 2.0 * n * n * n / best / 1e9, best, GemmCheck.MaxRelativeError(a, b, c, n, n, n), engine);
    }

    /// <summary>STREAM triad over three arrays of <paramref name="elements"/> floats; returns GB/s (best of several).</summary>
    public static double TriadBandwidth(Accelerator accelerator, long elements, int repetitions = 10)
    {
        using var x = accelerator.Allocate1D<float>(elements);
        using var y = accelerator.Allocate1D<float>(elements);
        using var z = accelerator.Allocate1D<float>(elements);
        y.MemSetToZero();
        z.MemSetToZero();
        var triad = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float>(GemmKernels.Triad);
        triad((int)elements, x.View, y.View, z.View, 3f);
        accelerator.Synchronize();
        var best = double.MaxValue;
        for (var r = 0; r < repetitions; r++)
        {
            var watch = Stopwatch.StartNew();
            triad((int)elements, x.View, y.View, z.View, 3f);
            accelerator.Synchronize();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return 3.0 * sizeof(float) * elements / best / 1e9;
    }
}
