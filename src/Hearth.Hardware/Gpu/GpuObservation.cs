using Hearth.Hardware.Nvidia;

namespace Hearth.Hardware.Gpu;

/// <summary>What NVML saw of a GPU before and during a proof-of-work run.</summary>
/// <param name="Before">Sensors just before the run.</param>
/// <param name="Peak">Highest readings during the run (per field), the level before left out.</param>
/// <param name="ProcessMemoryBytes">GPU memory NVML attributed to this process during the run; null if it never listed it.</param>
/// <param name="ForeignMemoryBytes">
/// GPU memory of processes that appeared during the run under PIDs this process cannot see: inside some containers NVML
/// lists host PIDs (nvidia-docker #1483), so this process is there under another number; null if none appeared.
/// </param>
public sealed record GpuObservation(NvmlSample Before, NvmlSample Peak, long? ProcessMemoryBytes, long? ForeignMemoryBytes = null)
{
    /// <summary>Watches one GPU while <paramref name="work"/> runs, sampling every <paramref name="interval"/>.</summary>
    /// <param name="visible">Whether a PID lives in this process's namespace (default: it has a /proc entry).</param>
    public static (T Result, GpuObservation Observation) Watch<T>(INvml nvml, int index, int pid, TimeSpan interval, Func<T> work,
        Func<int, bool>? visible = null)
    {
        visible ??= p => Directory.Exists($"/proc/{p}");
        var before = nvml.Sample(index);
        var earlier = nvml.ComputeProcesses(index).Select(p => p.Pid).ToHashSet();
        NvmlSample? peak = null;
        long? held = null, foreign = null;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                var sample = nvml.Sample(index);
                peak = peak is null ? sample : Max(peak, sample);
                var processes = nvml.ComputeProcesses(index);
                if (processes.FirstOrDefault(p => p.Pid == pid) is { } mine)
                {
                    held = Math.Max(held ?? 0, mine.UsedMemoryBytes ?? 0);
                }
                else if (processes.Where(p => !earlier.Contains(p.Pid) && !visible(p.Pid)).Sum(p => p.UsedMemoryBytes ?? 0) is > 0 and var bytes)
                {
                    foreign = Math.Max(foreign ?? 0, bytes);
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

        return (result, new GpuObservation(before, peak ?? before, held, foreign));
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
