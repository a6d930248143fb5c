using System.Globalization;

namespace Hearth.Hardware.Runs;

/// <summary>
/// The sentence <c>hearth run</c> ends with, e.g. "ran 14 min 02 s; GPU 0 busy 0%, 0 MiB held by this job;
/// 1.96 CPU cores busy (98% of 2) → this job ran on the CPU, not the GPU", and whether it met its expectation.
/// </summary>
public sealed record RunVerdict(string Text, bool UsedGpu, bool? ExpectationMet)
{
    /// <summary>Below a tenth of a core on average, a job mostly waited (on I/O, the network, a lock).</summary>
    public const double MinimumCores = 0.1;

    /// <param name="expect">"gpu", "cpu" or null.</param>
    /// <param name="likelyCause">Why no GPU was used, from the doctor's checks, when the job expected one.</param>
    public static RunVerdict Judge(RunSummary job, string? expect, string? likelyCause)
    {
        var gpuParts = job.Gpus.Select(g =>
            $"{g.Id} busy {Percent(g.MeanProcessSm ?? g.MeanUtilization)}, {g.MaxMemoryBytes / (1024 * 1024)} MiB held by this job");
        var gpuText = job.Gpus.Count == 0 ? "no GPU on this machine" : string.Join("; ", gpuParts);
        var cpuText = $"{job.CoresBusy:0.##} CPU cores busy ({100 * job.CoresBusy / Math.Max(1, job.Cores):0}% of {job.Cores})";
        var used = job.Gpus.Where(g => g.Used).ToList();
        var idleHolders = job.Gpus.Where(g => g.MaxMemoryBytes > 0 && !g.Used).ToList();
        var how = used.Any(g => g.UsedByTiming)
            ? " (matched by timing: the GPU's processes live in another PID namespace, as from inside a container)"
            : used.Any(g => g.UtilizationUnknown)
                ? " (judged by the memory it held: NVML exposes no utilisation there, as on MIG instances, so how busy it kept it is unknown)"
                : "";
        var conclusion = used.Count > 0
            ? $"this job ran on {string.Join(" and ", used.Select(g => $"{g.Id} ({g.Name})"))}{how}"
            : idleHolders.Count > 0
                ? $"this job held memory on {string.Join(", ", idleHolders.Select(g => g.Id))} but left it idle: it computed on the CPU"
                : job.CoresBusy >= MinimumCores ? "this job ran on the CPU, not the GPU"
                    : "this job mostly waited (neither the CPU nor a GPU was busy)";
        bool? met = expect switch
        {
            "gpu" => used.Count > 0,
            "cpu" => used.Count == 0,
            _ => null,
        };
        var text = $"ran {Duration(job.Duration)}; {gpuText}; {cpuText} → {conclusion}";
        if (met == false && expect == "gpu" && likelyCause is not null)
        {
            text += $". Likely cause: {likelyCause}";
        }

        return new RunVerdict(text, used.Count > 0, met);
    }

    private static string Percent(double? value) => value is { } v ? $"{v:0}%" : "(not exposed)";

    private static string Duration(TimeSpan d) =>
        d.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalHours} h {d.Minutes:00} min {d.Seconds:00} s")
        : d.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes} min {d.Seconds:00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0} s");
}
