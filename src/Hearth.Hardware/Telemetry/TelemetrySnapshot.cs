namespace Hearth.Hardware.Telemetry;

/// <summary>
/// One tick of every sampler: series values keyed <c>device.metric</c> (e.g. <c>cpu.util</c>, <c>cpu3.freq</c>,
/// <c>gpu0.power</c>; units in <see cref="Series"/>), null where the machine does not expose a sensor, and
/// the processes using the machine.
/// </summary>
public sealed record TelemetrySnapshot(DateTimeOffset At, IReadOnlyDictionary<string, double?> Values, IReadOnlyList<ProcessUsage> Processes)
{
    public double? this[string series] => Values.GetValueOrDefault(series);
}
