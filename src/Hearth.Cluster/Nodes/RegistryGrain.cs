using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Hearth.Cluster.Nodes;

/// <summary>
/// Kept in memory only: if its silo dies, the grain comes back on another one and every node's next heartbeat
/// fills it again. A node the membership protocol declared dead, or silent for three heartbeats (by this grain's
/// clock, so a node whose clock is wrong is only reported), is dropped.
/// </summary>
internal sealed partial class RegistryGrain(IClusterMembershipService membership, TimeProvider time, HearthClusterOptions options,
    ILogger<RegistryGrain> logger)
    : Grain, IRegistryGrain
{
    private static readonly TimeSpan SkewWarning = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (NodeStatus Status, DateTimeOffset Seen)> nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> skewReported = new(StringComparer.Ordinal);

    public Task<NodeStatus[]> Heartbeat(NodeStatus status)
    {
        var now = time.GetUtcNow();
        var skew = status.At - now;
        if (skew.Duration() > SkewWarning && skewReported.Add(status.Name))
        {
            LogClockSkew(status.Name, (int)skew.TotalSeconds);
        }

        nodes[status.Name] = (status, now);
        return Nodes();
    }

    public Task<NodeStatus[]> Nodes()
    {
        var alive = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m =>
            m.Name).ToHashSet(StringComparer.Ordinal);
        var oldest = time.GetUtcNow() - (3 * options.Heartbeat);
        foreach (var gone in nodes.Where(n => !alive.Contains(n.Key) || n.Value.Seen < oldest).Select(n => n.Key).ToList())
        {
            nodes.Remove(gone);
        }

        return Task.FromResult(nodes.Values.Select(n => n.Status).OrderBy(n => n.Name, StringComparer.Ordinal).ToArray());
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning,
        Message = "node {Node}'s clock is {Seconds} s off this node's: leases are timed by each coordinator's own clock, so its work is "
            + "unaffected, but fix its time (NTP)")]
    private partial void LogClockSkew(string node, int seconds);
}
