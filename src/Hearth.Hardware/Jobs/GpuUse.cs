namespace Hearth.Hardware.Jobs;

/// <summary>What a job did with one GPU.</summary>
/// <param name="MeanUtilization">The device's mean utilisation while the job ran (all its users), or null if not exposed.</param>
/// <param name="MaxMemoryBytes">The most GPU memory the job's processes held at once.</param>
/// <param name="MeanProcessSm">The job's own mean share of SM time, when NVML reports it per process.</param>
public sealed record GpuUse(string Id, string Name, double? MeanUtilization, long MaxMemoryBytes, double? MeanProcessSm)
{
    /// <summary>Below this the GPU counts as idle (the watchdog's threshold too).</summary>
    public const double BusyPercent = 5;

    public bool Used => MaxMemoryBytes > 0 && ((MeanProcessSm ?? MeanUtilization ?? 0) >= BusyPercent);
}
