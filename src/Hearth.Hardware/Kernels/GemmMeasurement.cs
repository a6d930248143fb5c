namespace Hearth.Hardware.Kernels;

/// <summary>One timed, validated matrix product.</summary>
/// <param name="Size">N of the N × N × N product.</param>
/// <param name="Gflops">Best throughput over the timed repetitions.</param>
/// <param name="Seconds">Best time of one product.</param>
/// <param name="MaxError">Largest error on sampled entries, relative to Σ|aᵢₚ·bₚⱼ| (the bound rounding can reach).</param>
/// <param name="Engine">What computed it ("AVX-512 12×32", "cuBLAS (libcublas.so.13)", "ILGPU tiled kernel").</param>
public sealed record GemmMeasurement(int Size, double Gflops, double Seconds, double MaxError, string Engine)
{
    /// <summary>Float rounding over k terms stays far below this; a wrong kernel lands far above.</summary>
    public const double Tolerance = 1e-3;

    public bool Valid => MaxError <= Tolerance;
}
