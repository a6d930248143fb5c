using Hearth.Hardware.Ai;

namespace Hearth.Hardware.Doctor;

/// <summary>The doctor's whole answer; its JSON form is documented in docs/doctor-json.md (schema version 1).</summary>
/// <param name="AiEncoder">Where the encoder that analysis runs on was placed, and why it fell back; null with <c>--no-ai</c>.</param>
public sealed record DoctorReport(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    Inventory Inventory,
    IReadOnlyList<DeviceReport> Devices,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<EmbeddingRun> AiRuntime,
    AiPlacement? AiEncoder,
    string AiRunsOn,
    double ElapsedSeconds)
{
    /// <summary>A working GPU was proved.</summary>
    public bool HasWorkingGpu => Devices.Any(d => d.Kind == "gpu" && d.Works);

    /// <summary>Every present device works (and, with <paramref name="expectGpu"/>, a GPU among them).</summary>
    public bool Healthy(bool expectGpu) => Devices.All(d => d.Works) && (!expectGpu || HasWorkingGpu);
}
