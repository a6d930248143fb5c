namespace Hearth.Hardware.Telemetry;

/// <summary>One point of a series; a null value means the sensor did not answer at that time.</summary>
public readonly record struct TimedValue(DateTimeOffset At, double? Value);
