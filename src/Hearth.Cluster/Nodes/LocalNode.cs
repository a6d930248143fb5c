using System.Globalization;
using Hearth.Cluster.Jobs;
using Hearth.Hardware.History;
using Hearth.Hardware.Telemetry;
using Orleans.Runtime;

namespace Hearth.Cluster.Nodes;

/// <summary>This node as the cluster sees it: what <c>hearth bench</c> measured here, and its live throughput and load.</summary>
public sealed class LocalNode(
    ILocalSiloDetails silo, HearthClusterOptions options, BenchHistory bench, TimeProvider time, IEnumerable<IRoleSource> extraRoles,
        IEnumerable<LiveSeries> telemetry)
{
    private const double Smoothing = 0.3;
    private double documentsPerSecond;

    public string Name => silo.Name;

    /// <summary>The configured roles, and those its attached boards bring (a paired board that carries the right model).</summary>
    public JobKind[] Roles => [.. options.Roles.Concat(extraRoles.SelectMany(r => r.Roles)).Distinct()];

    /// <summary>Documents/s over recent shards (exponentially smoothed); 0 before the first.</summary>
    public double DocumentsPerSecond => Volatile.Read(ref documentsPerSecond);

    public void Measured(int documents, TimeSpan elapsed)
    {
        var rate = documents / Math.Max(elapsed.TotalSeconds, 1e-3);
        var previous = DocumentsPerSecond;
        Volatile.Write(ref documentsPerSecond, previous <= 0 ? rate : (Smoothing * rate) + ((1 - Smoothing) * previous));
    }

    public NodeStatus Status(int openJobs)
    {
        var figures = Latest();
        return new NodeStatus(
            Name,
            Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            [.. figures.Select(f => f.Device).Distinct().Order(StringComparer.Ordinal)],
            Roles,
            DocumentsPerSecond,
            figures.Where(f => f.Metric == "sgemm").Select(f => (double?)f.Value).Max(),
            figures.Where(f => f.Metric == "embeddings").Select(f => (double?)f.Value).Max(),
            LoadPerCore(),
            openJobs,
            time.GetUtcNow(),
            Heat());
    }

    /// <summary>The latest readings of the node's own telemetry (when it runs, as in <c>hearth up</c>).</summary>
    private Dictionary<string, double>? Heat() =>
        telemetry.FirstOrDefault()?.Latest?.Values
            .Where(v => v.Value is not null && Series.Split(v.Key) is var (device, metric)
                // whole devices, not CPU cores
                && metric is Series.Util or Series.Temp or Series.Power && !(device.StartsWith("cpu", StringComparison.Ordinal) && device.Length > 3))
            .ToDictionary(v => v.Key, v => Math.Round(v.Value!.Value, 1), StringComparer.Ordinal);

    private IReadOnlyList<Hearth.Hardware.Bench.BenchFigure> Latest()
    {
        try
        {
            return bench.Latest() ?? [];
        }
        catch (Exception e) when (HearthDatabase.IsUnavailable(e))
        {
            return [];
        }
    }

    private static double LoadPerCore()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return Math.Round(double.Parse(first, CultureInfo.InvariantCulture) / Environment.ProcessorCount, 2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }
}
