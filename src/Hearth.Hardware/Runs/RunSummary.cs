namespace Hearth.Hardware.Runs;

/// <summary>Where a job's work went: wall time, CPU time of its whole process tree, and each GPU.</summary>
public sealed record RunSummary(TimeSpan Duration, double CpuSeconds, int Cores, IReadOnlyList<GpuUse> Gpus)
{
    /// <summary>Cores busy on average (CPU seconds per wall second).</summary>
    public double CoresBusy => Duration.TotalSeconds > 0 ? CpuSeconds / Duration.TotalSeconds : 0;

    public double DurationSeconds => Duration.TotalSeconds;
}
