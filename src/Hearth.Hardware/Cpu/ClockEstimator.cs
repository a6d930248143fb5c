using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Hearth.Hardware.Cpu;

/// <summary>
/// Measures the clock a core really runs at under load: a chain of dependent integer additions
/// retires one per cycle on every modern core, so additions per second is the frequency.
/// Virtual machines rarely expose cpufreq and list only a nominal MHz well below turbo.
/// </summary>
public static class ClockEstimator
{
    // Many short rounds (≈5 ms each at 4 GHz): the fastest one almost surely ran without being preempted.
    private const int Chain = 20_000_000;
    private const int Rounds = 15;

    public static double MeasureMhz()
    {
        DependentAdds(1_000_000, 3); // warm up the JIT and the core
        var best = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            DependentAdds(Chain / 8, 3);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return Chain / best / 1e6;
    }

    /// <summary>Eight dependent adds per iteration; the loop counter runs beside them on another port.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static long DependentAdds(long iterations, long step)
    {
        long x = 0;
        for (long i = 0; i < iterations; i++)
        {
            x += step; x ^= i; x += step; x ^= i;
            x += step; x ^= i; x += step; x ^= i;
        }

        return x;
    }
}
