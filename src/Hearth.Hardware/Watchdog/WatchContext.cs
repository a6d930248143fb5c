using Hearth.Hardware.Runs;
using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Watchdog;

/// <summary>What the rules look at: the live series, the devices and the jobs running now.</summary>
public sealed record WatchContext(LiveSeries Series, IReadOnlyList<DeviceDescriptor> Devices, IReadOnlyList<RunRecord> RunningJobs,
    DateTimeOffset Now)
{
    /// <summary>Readings may arrive this much late or early around a window's start.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public IEnumerable<DeviceDescriptor> Gpus => Devices.Where(d => d.Kind == "gpu");

    /// <summary>CPU cores, from the per-core series.</summary>
    public int Cores => Math.Max(1, Series.Names().Count(n => n.StartsWith("cpu", StringComparison.Ordinal)
        && n.EndsWith(".util", StringComparison.Ordinal) && n != "cpu.util"));

    /// <summary>
    /// Whether every reading of <paramref name="series"/> in the last <paramref name="duration"/> satisfies
    /// <paramref name="condition"/>, and the series goes back that far (the condition really lasted).
    /// </summary>
    public bool Holds(string series, TimeSpan duration, Func<double, bool> condition)
    {
        var points = Series.Points(series);
        var start = Now - duration;
        if (!points.Any(p => p.At <= start + Slack))
        {
            return false;
        }

        var window = points.Where(p => p.At >= start).ToList();
        return window.Count > 0 && window.All(p => p.Value is { } v && condition(v));
    }

    /// <summary>The mean of the readings in the last <paramref name="duration"/>, or null.</summary>
    public double? Mean(string series, TimeSpan duration)
    {
        var values = Series.Points(series).Where(p => p.At >= Now - duration && p.Value is not null).Select(p => p.Value!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
