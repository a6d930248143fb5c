using Hearth.Hardware.Nvidia;

namespace Hearth.Hardware.Gpu;

/// <summary>What NVML saw of a GPU before and during a proof-of-work run.</summary>
/// <param name="Before">Sensors just before the run.</param>
/// <param name="Peak">Highest readings during the run (per field).</param>
/// <param name="ProcessMemoryBytes">GPU memory NVML attributed to this process during the run; null if it never listed it.</param>
public sealed record GpuObservation(NvmlSample Before, NvmlSample Peak, long? ProcessMemoryBytes)
{
    /// <summary>Watches one GPU while <paramref name="work"/> runs, sampling every <paramref name="interval"/>.</summary>
    public static (T Result, GpuObservation Observation) Watch<T>(INvml nvml, int index, int pid, TimeSpan interval, Func<T> work)
    {
        var before = nvml.Sample(index);
        var peak = before;
        long? held = null;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                peak = Max(peak, nvml.Sample(index));
                var mine = nvml.ComputeProcesses(index).FirstOrDefault(p => p.Pid == pid);
                if (mine is not null)
                {
                    held = Math.Max(held ?? 0, mine.UsedMemoryBytes ?? 0);
                }
            }
            while (!done.Wait(interval));
        })
        { IsBackground = true, Name = "hearth-nvml-sampler" };
        sampler.Start();
        T result;
        try
        {
            result = work();
        }
        finally
        {
            done.Set();
            sampler.Join();
        }

        return (result, new GpuObservation(before, peak, held));
    }

    private static NvmlSample Max(NvmlSample a, NvmlSample b) => new(
        Max(a.GpuUtilizationPercent, b.GpuUtilizationPercent),
        Max(a.MemoryUtilizationPercent, b.MemoryUtilizationPercent),
        Max(a.SmClockMhz, b.SmClockMhz),
        Max(a.MemoryUsedBytes, b.MemoryUsedBytes),
        Max(a.TemperatureC, b.TemperatureC),
        Max(a.PowerWatts, b.PowerWatts),
        Max(a.EnergyMillijoules, b.EnergyMillijoules),
        b.PerformanceState ?? a.PerformanceState,
        (a.ClocksEventReasons ?? 0) | (b.ClocksEventReasons ?? 0));

    private static T? Max<T>(T? a, T? b)
        where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;
}
