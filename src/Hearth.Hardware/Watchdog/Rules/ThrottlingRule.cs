using Hearth.Hardware.Nvidia;
using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Watchdog.Rules;

/// <summary>A GPU slowed down by heat or a power cap (NVML clocks-event reasons) for 10 s.</summary>
public sealed class ThrottlingRule : IWatchRule
{
    public static readonly TimeSpan For = TimeSpan.FromSeconds(10);

    public string Name => "throttling";

    public Severity Severity => Severity.Warning;

    public IEnumerable<(string Subject, string Message)> Find(WatchContext context)
    {
        foreach (var gpu in context.Gpus)
        {
            var series = Series.Key(gpu.Id, Series.Throttle);
            if (context.Holds(series, For, r => ((ulong)r & ClocksEventReasons.Throttling) != 0))
            {
                var reasons = (ulong)(context.Series.Points(series)[^1].Value ?? 0) & ClocksEventReasons.Throttling;
                yield return (gpu.Id, $"{gpu.Id} ({gpu.Name}) has been throttled for {For.TotalSeconds:0} s: "
                    + $"{string.Join(", ", ClocksEventReasons.Describe(reasons))}; check its cooling and power limit");
            }
        }
    }
}
