namespace Hearth.Hardware.Kernels;

/// <summary>Inputs for GEMM proofs and the double-precision check of their results.</summary>
public static class GemmCheck
{
    /// <summary>Deterministic values in [-1, 1).</summary>
    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    /// <summary>
    /// Largest error of sampled entries of C against a double-precision dot product, relative to
    /// Σ|aᵢₚ·bₚⱼ|. Checking every entry would cost as much as the product itself.
    /// </summary>
    public static double MaxRelativeError(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, int m, int n, int k, int samples = 256)
    {
        if (m == 0 || n == 0)
        {
            return 0;
        }

        var random = new Random(12345);
        var total = (long)m * n;
        var worst = 0.0;
        for (var s = 0; s < Math.Min(samples, total); s++)
        {
            var index = total <= samples ? s : random.NextInt64(total);
            var (i, j) = ((int)(index / n), (int)(index % n));
            double exact = 0, magnitude = 0;
            for (var p = 0; p < k; p++)
            {
                var term = (double)a[(i * k) + p] * b[(p * n) + j];
                exact += term;
                magnitude += Math.Abs(term);
            }

            var error = Math.Abs(c[(i * n) + j] - exact) / Math.Max(magnitude, 1e-30);
            worst = Math.Max(worst, double.IsNaN(error) ? double.PositiveInfinity : error);
        }

        return worst;
    }
}
