using Hearth.Hardware.Telemetry;

namespace Hearth.Server.Live;

/// <summary>A snapshot as the live stream sends it: the values, and the processes that matter (busiest on the CPU, all on GPUs).</summary>
public sealed record LiveSample(DateTimeOffset At, IReadOnlyDictionary<string, double?> Values, IReadOnlyList<ProcessUsage> Processes)
{
    public static LiveSample From(TelemetrySnapshot snapshot) => new(
        snapshot.At,
        snapshot.Values,
        [.. snapshot.Processes.Where(p => p.Gpu is not null)
            .Concat(snapshot.Processes.Where(p => p.Gpu is null && p.CpuPercent >= 1).OrderByDescending(p => p.CpuPercent).Take(10))]);
}
