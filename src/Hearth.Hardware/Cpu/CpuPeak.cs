namespace Hearth.Hardware.Cpu;

/// <summary>Theoretical FP32 peak of the CPU: cores × clock × FLOPs per cycle.</summary>
public static class CpuPeak
{
    /// <summary>The peak and how it was computed, or null when no clock is known.</summary>
    public static (double Gflops, string Source)? Estimate(CpuInfo cpu, double? measuredMhz)
    {
        var measured = measuredMhz ?? 0;
        var listed = cpu.ListedMhz ?? 0;
        var mhz = Math.Max(measured, listed);
        if (mhz <= 0)
        {
            return null;
        }

        var gflops = cpu.LogicalCores * mhz / 1000 * cpu.FlopsPerCycle;
        return (gflops, $"{cpu.LogicalCores} cores × {mhz / 1000:0.00} GHz ({(measured >= listed ? "measured" : "listed")}) × "
            + $"{cpu.FlopsPerCycle} FLOP/cycle");
    }
}
