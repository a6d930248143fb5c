namespace Hearth.Hardware.Doctor;

/// <summary>A sensor's value; null when the machine does not expose it (never reported as 0).</summary>
public sealed record SensorReading(string Name, double? Value, string Unit)
{
    public string Text => Value is { } v ? $"{v:0.#} {Unit}" : "not exposed";
}
