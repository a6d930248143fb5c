using Hearth.Hardware.Kernels;

namespace Hearth.Hardware.Doctor;

/// <summary>A compute device and whether it was proved to work.</summary>
/// <param name="Id">"cpu", "gpu0", "gpu1"…</param>
/// <param name="Kind">"cpu" or "gpu".</param>
/// <param name="Name">Model name.</param>
/// <param name="Status">Pass: it computed correctly; Fail: present but not working.</param>
/// <param name="Verdict">One sentence saying why.</param>
/// <param name="Gemm">The proof-of-work product, when one ran.</param>
/// <param name="PeakGflops">Theoretical FP32 peak, when known.</param>
/// <param name="PeakSource">Where the peak comes from.</param>
/// <param name="Sensors">Temperature, power, clocks… (null values are "not exposed").</param>
public sealed record DeviceReport(
    string Id,
    string Kind,
    string Vendor,
    string Name,
    Status Status,
    string Verdict,
    GemmMeasurement? Gemm,
    double? PeakGflops,
    string? PeakSource,
    IReadOnlyList<SensorReading> Sensors)
{
    public bool Works => Status is Status.Pass or Status.Warn;

    public double? PercentOfPeak => Gemm is { } g && PeakGflops is > 0 ? 100 * g.Gflops / PeakGflops : null;
}
