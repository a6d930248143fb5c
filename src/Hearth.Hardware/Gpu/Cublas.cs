using System.Runtime.InteropServices;

namespace Hearth.Hardware.Gpu;

/// <summary>
/// cuBLAS SGEMM on device pointers, bound at run time to whichever libcublas the machine has
/// (CUDA 13, 12 or 11): ILGPU.Algorithms' own binding stops at CUDA 12.
/// </summary>
internal sealed unsafe class Cublas : IDisposable
{
    private static readonly string[] Names = ["libcublas.so.13", "libcublas.so.12", "libcublas.so.11", "libcublas.so"];

    private readonly nint library;
    private readonly nint handle;
    private readonly delegate* unmanaged<nint, int, int, int, int, int, float*, nint, int, nint, int, float*, nint, int, int> sgemm;
    private readonly delegate* unmanaged<nint, int> destroy;

    private Cublas(nint library, string name)
    {
        this.library = library;
        LibraryName = name;
        var create = (delegate* unmanaged<nint*, int>)NativeLibrary.GetExport(library, "cublasCreate_v2");
        sgemm = (delegate* unmanaged<nint, int, int, int, int, int, float*, nint, int, nint, int, float*, nint, int,
            int>)NativeLibrary.GetExport(library, "cublasSgemm_v2");
        destroy = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "cublasDestroy_v2");
        nint h;
        var status = create(&h);
        if (status != 0)
        {
            NativeLibrary.Free(library);
            throw new InvalidOperationException($"cublasCreate failed with status {status}.");
        }

        handle = h;
    }

    public string LibraryName { get; }

    /// <summary>Loads the first cuBLAS that works (CUDA 13's fails on a driver older than 580: then 12's), or returns null and says why.</summary>
    public static Cublas? TryLoad(out string? error) => TryLoad(Names, out error);

    internal static Cublas? TryLoad(IReadOnlyList<string> names, out string? error)
    {
        var failures = new List<string>();
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var library))
            {
                continue;
            }

            try
            {
                error = null;
                return new Cublas(library, name);
            }
            catch (Exception e) when (e is InvalidOperationException or EntryPointNotFoundException)
            {
                failures.Add($"{Path.GetFileName(name)}: {e.Message}");
            }
        }

        error = failures.Count > 0 ? string.Join("; ", failures)
            : "libcublas not found (install the CUDA toolkit's cuBLAS, or the nvidia-cublas package)";
        return null;
    }

    /// <summary>Row-major C = A·B, computed as the column-major product Cᵀ = Bᵀ·Aᵀ.</summary>
    public void Sgemm(nint a, nint b, nint c, int m, int n, int k)
    {
        float alpha = 1, beta = 0;
        var status = sgemm(handle, 0, 0, n, m, k, &alpha, b, n, a, k, &beta, c, n);
        if (status != 0)
        {
            throw new InvalidOperationException($"cublasSgemm failed with status {status}.");
        }
    }

    public void Dispose()
    {
        _ = destroy(handle);
        NativeLibrary.Free(library);
    }
}
