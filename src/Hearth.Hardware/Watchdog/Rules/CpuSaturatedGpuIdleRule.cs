using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Watchdog.Rules;

/// <summary>
/// All CPUs saturated (90% or more) for 60 s while every GPU sleeps (under 5%): work that probably belongs
/// on the GPU. Silent while a job expects a GPU: <see cref="ColdGpuJobRule"/> then says it more precisely.
/// </summary>
public sealed class CpuSaturatedGpuIdleRule : IWatchRule
{
    public const double SaturatedPercent = 90;
    public static readonly TimeSpan For = TimeSpan.FromSeconds(60);

    public string Name => "cpu-saturated-gpu-idle";

    public Severity Severity => Severity.Warning;

    public IEnumerable<(string Subject, string Message)> Find(WatchContext context)
    {
        var gpus = context.Gpus.ToList();
        if (gpus.Count > 0
            && !context.RunningJobs.Any(j => j.Expect == "gpu")
            && context.Holds(Series.Key("cpu", Series.Util), For, u => u >= SaturatedPercent)
            && gpus.All(g => context.Holds(Series.Key(g.Id, Series.Util), For, u => u < ColdGpuJobRule.IdlePercent)))
        {
            yield return ("machine", $"all {context.Cores} CPU cores have been saturated for {For.TotalSeconds:0} s while "
                + $"{string.Join(", ", gpus.Select(g => g.Id))} slept: is this work running on the wrong device? ('hearth run --expect gpu -- …' "
                    + $"tells)");
        }
    }
}
