namespace Hearth.Hardware.Runs;

/// <summary>What a job did with one GPU.</summary>
/// <param name="MeanUtilization">The device's mean utilisation while the job ran (all its users), or null if not exposed.</param>
/// <param name="MaxMemoryBytes">The most GPU memory the job's processes held at once.</param>
/// <param name="MeanProcessSm">The job's own mean share of SM time, when NVML reports it per process.</param>
/// <param name="OnlyForeignProcesses">
/// NVML listed processes on this GPU but none of them is visible in this PID namespace (a container sees the
/// host's PIDs in NVML's lists), so the job's share cannot be matched by PID.
/// </param>
public sealed record GpuUse(string Id, string Name, double? MeanUtilization, long MaxMemoryBytes, double? MeanProcessSm,
    bool OnlyForeignProcesses = false)
{
    /// <summary>Below this the GPU counts as idle (the watchdog's threshold too).</summary>
    public const double BusyPercent = 5;

    /// <summary>Utilisation from which an unmatched GPU counts as this job's, by timing alone.</summary>
    public const double BusyByTimingPercent = 50;

    /// <summary>NVML exposed no utilisation for this GPU (MIG instances): whether the job used it is judged by the memory it held.</summary>
    public bool UtilizationUnknown => MeanUtilization is null && MeanProcessSm is null;

    public bool Used => (MaxMemoryBytes > 0 && (UtilizationUnknown || (MeanProcessSm ?? MeanUtilization) >= BusyPercent)) || UsedByTiming;

    /// <summary>Attributed by timing: busy while the job ran, its processes in another PID namespace.</summary>
    public bool UsedByTiming => MaxMemoryBytes == 0 && OnlyForeignProcesses && MeanUtilization >= BusyByTimingPercent;
}
