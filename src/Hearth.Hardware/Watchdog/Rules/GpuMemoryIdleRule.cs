using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Watchdog.Rules;

/// <summary>GPU memory held (over 1 GiB) while the GPU does nothing (under 5%) for 5 minutes: a forgotten notebook or a stuck job.</summary>
public sealed class GpuMemoryIdleRule : IWatchRule
{
    public const double HeldBytes = 1L << 30;
    public static readonly TimeSpan For = TimeSpan.FromMinutes(5);

    public string Name => "gpu-memory-idle";

    public Severity Severity => Severity.Warning;

    public IEnumerable<(string Subject, string Message)> Find(WatchContext context)
    {
        foreach (var gpu in context.Gpus)
        {
            if (context.Holds(Series.Key(gpu.Id, Series.MemUsed), For, m => m >= HeldBytes)
                && context.Holds(Series.Key(gpu.Id, Series.Util), For, u => u < ColdGpuJobRule.IdlePercent))
            {
                var held = context.Mean(Series.Key(gpu.Id, Series.MemUsed), For) ?? 0;
                yield return (gpu.Id, $"{gpu.Id} ({gpu.Name}) holds {held / (1 << 30):0.0} GiB but has been idle for {For.TotalMinutes:0} min: "
                    + $"free it for other jobs");
            }
        }
    }
}
