using Hearth.Hardware.Onnx;

namespace Hearth.Hardware.Doctor;

/// <summary>The doctor's whole answer; its JSON form is documented in docs/doctor-json.md (schema version 1).</summary>
public sealed record DoctorReport(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    Inventory Inventory,
    IReadOnlyList<DeviceReport> Devices,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<EmbeddingRun> AiRuntime,
    string AiRunsOn,
    double ElapsedSeconds)
{
    /// <summary>A working GPU was proved.</summary>
    public bool HasWorkingGpu => Devices.Any(d => d.Kind == "gpu" && d.Works);

    /// <summary>0: every present device works; 1: a present device does not (or <paramref name="expectGpu"/> and none works).</summary>
    public int ExitCode(bool expectGpu) =>
        Devices.Any(d => !d.Works) || (expectGpu && !HasWorkingGpu) ? ExitCodes.DeviceNotWorking : ExitCodes.Ok;
}
