using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Runs;

/// <summary>
/// Follows a job's whole process tree through the telemetry snapshots: its CPU share (<c>/proc</c>) and
/// what it holds and does on each GPU (NVML's per-process lists).
/// </summary>
public sealed class RunObserver(int rootPid, IReadOnlyList<DeviceDescriptor> devices)
{
    private readonly Dictionary<string, (double UtilSum, int UtilCount, long MaxMemory, double SmSum, int SmCount, int ForeignTicks,
        int OwnTicks)> gpus = [];
    private readonly HashSet<int> tree = [rootPid];
    private double cpuSeconds;

    /// <summary>Every PID seen in the job's tree.</summary>
    public IReadOnlyCollection<int> Tree => tree;

    public void Observe(TelemetrySnapshot snapshot, TimeSpan sinceLast)
    {
        // Children appear after their parents: grow the tree until it stops growing.
        var cpuEntries = snapshot.Processes.Where(p => p.Gpu is null).ToList();
        int before;
        do
        {
            before = tree.Count;
            foreach (var p in cpuEntries.Where(p => tree.Contains(p.ParentPid)))
            {
                tree.Add(p.Pid);
            }
        }
        while (tree.Count > before);

        cpuSeconds += cpuEntries.Where(p => tree.Contains(p.Pid)).Sum(p => p.CpuPercent) / 100 * sinceLast.TotalSeconds;
        foreach (var gpu in devices.Where(d => d.Kind == "gpu"))
        {
            var onGpu = snapshot.Processes.Where(p => p.Gpu == gpu.Id).ToList();
            var mine = onGpu.Where(p => tree.Contains(p.Pid)).ToList();
            var state = gpus.GetValueOrDefault(gpu.Id);
            var visible = onGpu.Count(p => cpuEntries.Any(c => c.Pid == p.Pid));
            state.ForeignTicks += onGpu.Count > 0 && visible == 0 ? 1 : 0;
            state.OwnTicks += mine.Count > 0 ? 1 : 0;
            if (snapshot[Series.Key(gpu.Id, Series.Util)] is { } util)
            {
                state.UtilSum += util;
                state.UtilCount++;
            }

            state.MaxMemory = Math.Max(state.MaxMemory, mine.Sum(p => p.GpuMemoryBytes ?? 0));
            if (mine.Any(p => p.GpuSmPercent is not null))
            {
                state.SmSum += mine.Sum(p => p.GpuSmPercent ?? 0);
                state.SmCount++;
            }

            gpus[gpu.Id] = state;
        }
    }

    /// <param name="measuredCpuSeconds">The tree's exact CPU time when known (rusage of reaped children), else the sampled estimate.</param>
    public RunSummary Summarize(TimeSpan duration, double? measuredCpuSeconds, int cores) => new(
        duration,
        measuredCpuSeconds ?? cpuSeconds,
        cores,
        [.. devices.Where(d => d.Kind == "gpu").Select(d =>
        {
            var s = gpus.GetValueOrDefault(d.Id);
            return new GpuUse(d.Id, d.Name, s.UtilCount > 0 ? s.UtilSum / s.UtilCount : null, s.MaxMemory,
                s.SmCount > 0 ? s.SmSum / s.SmCount : null, s.OwnTicks == 0 && s.ForeignTicks > 0);
        })]);
}
