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

    /// <summary>Power within this share of its limit before the run: the GPU cannot draw visibly more.</summary>
    public const double NearPowerCap = 0.9;

    /// <param name="powerLimitWatts">The GPU's power limit: a GPU already near it cannot show a rise.</param>
    public static (Status Status, string Verdict) Judge(GemmMeasurement gemm, GpuObservation? observation, double? cpuGflops,
        double? powerLimitWatts = null)
    {
        if (!gemm.Valid)
        {
            return (Status.Fail, $"computed wrong results (relative error {gemm.MaxError:E1}, tolerance {gemm.Tolerance:E1}): do not "
                + $"trust this GPU; check for ECC errors and update the driver");
        }

        var speed = $"{gemm.Gflops:N0} GFLOPS with {gemm.Engine}";
        if (observation is null)
        {
            return (Status.Warn, $"{speed}, correct; NVML is not available to confirm that the GPU itself did the work");
        }

        var (before, peak) = (observation.Before, observation.Peak);
        var missing = new List<string>();
        if (observation.ProcessMemoryBytes is null or 0 && observation.ForeignMemoryBytes is null or 0)
        {
            missing.Add("the driver never listed this process as holding GPU memory");
        }

        if (peak.GpuUtilizationPercent is { } util && util < BusyPercent)
        {
            missing.Add($"utilisation stayed at {util}%");
        }

        // Power can only rise on a GPU that was idle and below its cap; another tenant's load or the cap hides it.
        var idleBefore = before.GpuUtilizationPercent < BusyPercent && !(before.PowerWatts >= powerLimitWatts * NearPowerCap);
        bool? powerRose = before.PowerWatts is { } p0 && peak.PowerWatts is { } p1 ? p1 > p0 * 1.05 : null;
        bool? clockRose = before.SmClockMhz is { } c0 && peak.SmClockMhz is { } c1 ? c1 > c0 : null;
        if (idleBefore && powerRose == false)
        {
            missing.Add($"power did not rise ({before.PowerWatts:N0} W → {peak.PowerWatts:N0} W)");
        }

        if (missing.Count > 0)
        {
            return (Status.Fail, $"the result came back correct ({speed}) but the GPU stayed cold: {string.Join("; ", missing)}. The work ran "
                + $"somewhere else, probably on the CPU");
        }

        var memory = observation.ProcessMemoryBytes is > 0
            ? $"{observation.ProcessMemoryBytes / (1024 * 1024)} MiB held by this process"
            : $"{observation.ForeignMemoryBytes / (1024 * 1024)} MiB held by a process NVML lists under a PID this container cannot see (host PIDs)";
        var evidence = $"utilisation {Text(peak.GpuUtilizationPercent, "%")}, power {Text(before.PowerWatts, " W")} → "
            + $"{Text(peak.PowerWatts, " W")}, SM clock {Text(before.SmClockMhz, " MHz")} → {Text(peak.SmClockMhz, " MHz")}, {memory}";
        if (peak.GpuUtilizationPercent is null && powerRose != true && clockRose != true)
        {
            // MIG instances: NVML gives no utilisation, and a neighbour's load can hide the rise of power and clock.
            return (Status.Warn, $"{speed}, correct, and the GPU holds this process's memory; NVML exposes no utilisation for it (a MIG "
                + $"instance?) and neither power nor clock rose, so its load could not be confirmed: {evidence}");
        }

        if (cpuGflops is > 0 && gemm.Gflops < cpuGflops * MinimumSpeedupOverCpu)
        {
            return (Status.Warn, $"{speed} is within {MinimumSpeedupOverCpu}× of the CPU ({cpuGflops:N0} GFLOPS): probably CPU-class speed; "
                + $"{evidence}");
        }

        var busyBefore = idleBefore ? "" : before.GpuUtilizationPercent is null ? "" : "; the GPU was already busy or near its power cap before "
            + "the proof, so power was not judged";
        var throttled = peak.ClocksEventReasons is { } r && (r & ClocksEventReasons.Throttling) != 0
            ? $"; throttled: {string.Join(", ", ClocksEventReasons.Describe(r & ClocksEventReasons.Throttling))}"
            : "";
        return (throttled.Length > 0 ? Status.Warn : Status.Pass, $"{speed}, correct; {evidence}{busyBefore}{throttled}");
    }

    private static string Text<T>(T? value, string unit)
        where T : struct => value is { } v ? $"{v:N0}{unit}" : "not exposed";
}
