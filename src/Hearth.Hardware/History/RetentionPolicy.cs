namespace Hearth.Hardware.History;

/// <summary>How long each resolution of the telemetry history is kept (docs/telemetry.md).</summary>
/// <param name="Seconds">Raw 1 s samples.</param>
/// <param name="Minutes">1 min averages and maxima.</param>
/// <param name="Hours">1 h averages and maxima.</param>
public sealed record RetentionPolicy(TimeSpan Seconds, TimeSpan Minutes, TimeSpan Hours)
{
    public static RetentionPolicy Default { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromDays(7), TimeSpan.FromDays(365));
}
