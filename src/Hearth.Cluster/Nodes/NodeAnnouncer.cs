using Hearth.Cluster.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Nodes;

/// <summary>Every heartbeat: tells the registry what this node can do and how busy it is, and keeps everyone's status.</summary>
public sealed partial class NodeAnnouncer(IGrainFactory grains, LocalNode node, JobCoordinator coordinator, HearthClusterOptions options, ILogger<NodeAnnouncer> logger)
    : BackgroundService
{
    private NodeStatus[] nodes = [];

    /// <summary>Every node's latest status, this one included.</summary>
    public IReadOnlyList<NodeStatus> Nodes => Volatile.Read(ref nodes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Heartbeat);
        do
        {
            try
            {
                Volatile.Write(ref nodes, await grains.GetGrain<IRegistryGrain>(0).Heartbeat(node.Status(coordinator.OpenJobs)).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnreachable(e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "the cluster registry did not answer ({Kind}: {Reason}); retrying at the next heartbeat")]
    private partial void LogUnreachable(string kind, string reason);
}
