using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Watchdog.Rules;

/// <summary>
/// The founding story: a job that expects a GPU while every GPU stays idle (utilisation under 5%) for
/// 60 s and the CPU is busy (at least 80% of one core's worth). Also a GPU job on a machine with no GPU.
/// </summary>
public sealed class ColdGpuJobRule : IWatchRule
{
    public const double IdlePercent = 5;
    public const double BusyCores = 0.8;
    public static readonly TimeSpan For = TimeSpan.FromSeconds(60);

    public string Name => "cold-gpu-job";

    public Severity Severity => Severity.Critical;

    public IEnumerable<(string Subject, string Message)> Find(WatchContext context)
    {
        foreach (var job in context.RunningJobs.Where(j => j.Expect == "gpu" && context.Now - j.StartedAt >= For))
        {
            var gpus = context.Gpus.ToList();
            var subject = $"job {job.Id}";
            if (gpus.Count == 0)
            {
                yield return (subject, $"job {job.Id} ({job.Command}) expects a GPU, but this machine has no GPU that NVML or sysfs can see: it "
                    + $"runs on the CPU");
                continue;
            }

            var busyPercent = 100 * BusyCores / context.Cores;
            var idle = gpus.All(g => context.Holds(Series.Key(g.Id, Series.Util), For, u => u < IdlePercent));
            var cpuBusy = context.Holds(Series.Key("cpu", Series.Util), For, u => u >= busyPercent);
            if (idle && cpuBusy)
            {
                var cpu = context.Mean(Series.Key("cpu", Series.Util), For) ?? 0;
                yield return (subject, $"job {job.Id} ({job.Command}) expects a GPU, but {string.Join(", ", gpus.Select(g => g.Id))} stayed idle "
                    + $"(<{IdlePercent}%) for {For.TotalSeconds:0} s while the CPU was busy ({cpu:0}% of {context.Cores} cores): it is running "
                        + $"on the CPU");
            }
        }
    }
}
