namespace Hearth.Hardware.Telemetry;

/// <summary>A device the samplers report on.</summary>
/// <param name="Id">Series prefix: <c>cpu</c>, <c>gpu0</c>, <c>amd0</c>…</param>
/// <param name="Kind"><c>cpu</c> or <c>gpu</c>.</param>
/// <param name="Uuid">The GPU's UUID (NVIDIA), for Prometheus labels.</param>
public sealed record DeviceDescriptor(string Id, string Kind, string Name, string? Uuid, string? PciBusId);
