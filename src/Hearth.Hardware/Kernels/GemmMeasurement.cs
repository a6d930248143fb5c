namespace Hearth.Hardware.Kernels;

/// <summary>One timed, validated matrix product.</summary>
/// <param name="Size">N of the N × N × N product.</param>
/// <param name="Gflops">Best throughput over the timed repetitions.</param>
/// <param name="Seconds">Best time of one product.</param>
/// <param name="MaxError">Largest error on sampled entries, relative to Σ|aᵢₚ·bₚⱼ| (the bound rounding can reach).</param>
/// <param name="Engine">What computed it ("AVX-512 12×32", "cuBLAS (libcublas.so.13)", "ILGPU tiled kernel").</param>
public sealed record GemmMeasurement(int Size, double Gflops, double Seconds, double MaxError, string Engine)
{
    /// <summary>FP32's unit roundoff, 2⁻²⁴.</summary>
    private const double UnitRoundoff = 1.0 / (1 << 24);

    /// <summary>
    /// The largest error a correct FP32 product over <paramref name="k"/> terms shows, relative to Σ|aᵢₚ·bₚⱼ|: rounding
    /// errors of random data grow as √k·u (u = 2⁻²⁴), taken 16 times over for the summation orders kernels use. A
    /// kernel that drops one term of k errs by about 1/k of the sum, 4 times more than this at k = 4096; TF32 (u = 2⁻¹¹)
    /// lands far above it too.
    /// </summary>
    public static double ToleranceFor(int k) => 16 * Math.Sqrt(Math.Max(k, 1)) * UnitRoundoff;

    public double Tolerance => ToleranceFor(Size);

    public bool Valid => MaxError <= Tolerance;
}
