using Hearth.Hardware.Kernels;
using Hearth.Hardware.Nvidia;

namespace Hearth.Hardware.Gpu;

/// <summary>
/// Decides whether a GPU really did the proof-of-work: a correct result is not enough, since a
/// runtime can silently compute on the CPU; the GPU's own sensors must show the load and the
/// driver must list this process as holding memory on it.
/// </summary>
public static class GpuVerdict
{
    /// <summary>Utilisation a busy GEMM must reach (NVML: share of time a kernel ran).</summary>
    public const int BusyPercent = 30;

    /// <summary>A "GPU" no faster than this many times the CPU probably ran on the CPU.</summary>
    public const double MinimumSpeedupOverCpu = 10;

    public static (Status Status, string Verdict) Judge(GemmMeasurement gemm, GpuObservation? observation, double? cpuGflops)
    {
        if (!gemm.Valid)
        {
            return (Status.Fail, $"computed wrong results (relative error {gemm.MaxError:E1}, tolerance {GemmMeasurement.Tolerance:E0}): do not "
                + $"trust this GPU; check for ECC errors and update the driver");
        }

        var speed = $"{gemm.Gflops:N0} GFLOPS with {gemm.Engine}";
        if (observation is null)
        {
            return (Status.Warn, $"{speed}, correct; NVML is not available to confirm that the GPU itself did the work");
        }

        var missing = new List<string>();
        var (before, peak) = (observation.Before, observation.Peak);
        if (peak.GpuUtilizationPercent is { } util && util < BusyPercent)
        {
            missing.Add($"utilisation stayed at {util}%");
        }

        if (observation.ProcessMemoryBytes is null or 0)
        {
            missing.Add("the driver never listed this process as holding GPU memory");
        }

        if (before.PowerWatts is { } p0 && peak.PowerWatts is { } p1 && p1 <= p0 * 1.05)
        {
            missing.Add($"power did not rise ({p0:N0} W → {p1:N0} W)");
        }

        if (before.SmClockMhz is { } c0 && peak.SmClockMhz is { } c1 && c1 < c0 && before.GpuUtilizationPercent < BusyPercent)
        {
            missing.Add($"SM clock did not rise ({c0} → {c1} MHz)");
        }

        if (missing.Count > 0)
        {
            return (Status.Fail, $"the result came back correct ({speed}) but the GPU stayed cold: {string.Join("; ", missing)}. The work ran "
                + $"somewhere else, probably on the CPU");
        }

        var evidence = $"utilisation {Text(peak.GpuUtilizationPercent, "%")}, power {Text(before.PowerWatts, " W")} → "
            + $"{Text(peak.PowerWatts, " W")}, SM clock {Text(peak.SmClockMhz, " MHz")}, {observation.ProcessMemoryBytes / (1024 * 1024)} MiB "
                + $"held by this process";
        if (cpuGflops is > 0 && gemm.Gflops < cpuGflops * MinimumSpeedupOverCpu)
        {
            return (Status.Warn, $"{speed} is within {MinimumSpeedupOverCpu}× of the CPU ({cpuGflops:N0} GFLOPS): probably CPU-class speed; "
                + $"{evidence}");
        }

        var throttled = peak.ClocksEventReasons is { } r && (r & ClocksEventReasons.Throttling) != 0
            ? $"; throttled: {string.Join(", ", ClocksEventReasons.Describe(r & ClocksEventReasons.Throttling))}"
            : "";
        return (throttled.Length > 0 ? Status.Warn : Status.Pass, $"{speed}, correct; {evidence}{throttled}");
    }

    private static string Text<T>(T? value, string unit)
        where T : struct => value is { } v ? $"{v:N0}{unit}" : "not exposed";
}
