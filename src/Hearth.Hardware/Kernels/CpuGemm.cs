using System.Diagnostics;

namespace Hearth.Hardware.Kernels;

/// <summary>Times and validates <see cref="Sgemm"/> on this machine's cores.</summary>
public static class CpuGemm
{
    public static GemmMeasurement Measure(int n, int repetitions, CancellationToken cancellationToken = default)
    {
        var a = GemmCheck.Random(n * n, 1);
        var b = GemmCheck.Random(n * n, 2);
        var c = new float[n * n];
        Sgemm.Multiply(a, b, c, n, n, n); // warm-up: JIT, page faults, thread pool
        var best = double.MaxValue;
        for (var r = 0; r < repetitions; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            Sgemm.Multiply(a, b, c, n, n, n);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return new GemmMeasurement(n, 2.0 * n * n * n / best / 1e9, best, GemmCheck.MaxRelativeError(a, b, c, n, n, n), Sgemm.KernelName);
    }
}
