using System.Diagnostics;
using System.Numerics.Tensors;

namespace Hearth.Hardware.Kernels;

/// <summary>STREAM triad (a = b + s·c) on all cores: the memory bandwidth real work can use.</summary>
public static class CpuTriad
{
    /// <summary>Returns the best GB/s over <paramref name="repetitions"/> passes over three arrays of <paramref name="elements"/> floats.</summary>
    public static double Measure(int elements, int repetitions, CancellationToken cancellationToken = default)
    {
        var a = new float[elements];
        var b = new float[elements];
        var c = new float[elements];
        b.AsSpan().Fill(1);
        c.AsSpan().Fill(2);
        var workers = Environment.ProcessorCount;
        var chunk = (elements + workers - 1) / workers;
        void Pass() => Parallel.For(0, workers, w =>
        {
            var from = w * chunk;
            var length = Math.Min(chunk, elements - from);
            if (length > 0)
            {
                TensorPrimitives.MultiplyAdd(c.AsSpan(from, length), 3f, b.AsSpan(from, length), a.AsSpan(from, length));
            }
        });

        Pass();
        var best = double.MaxValue;
        for (var r = 0; r < repetitions; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            Pass();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return 3.0 * sizeof(float) * elements / best / 1e9;
    }
}
