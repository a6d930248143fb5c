using Hearth.Cluster.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Nodes;

/// <summary>Every heartbeat: tells the registry what this node can do and how busy it is, and keeps everyone's status.</summary>
public sealed partial class NodeAnnouncer(IGrainFactory grains, LocalNode node, JobCoordinator coordinator, HearthClusterOptions options,
    ILogger<NodeAnnouncer> logger)
    : BackgroundService
{
    private NodeStatus[] nodes = [];

    /// <summary>Every node's latest status, this one included.</summary>
    public IReadOnlyList<NodeStatus> Nodes => Volatile.Read(ref nodes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        coordinator.Submitted += OnSubmitted;
        try
        {
            using var timer = new PeriodicTimer(options.Heartbeat);
            do
            {
                await BeatAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        finally
        {
            coordinator.Submitted -= OnSubmitted;
        }
    }

    // A job submitted here: tell the registry now, so that idle nodes start on it within one poll.
    private void OnSubmitted() => _ = BeatAsync(CancellationToken.None);

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            var status = node.Status(await coordinator.OpenJobsAsync(cancellationToken).ConfigureAwait(false));
            Volatile.Write(ref nodes, await grains.GetGrain<IRegistryGrain>(0).Heartbeat(status).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreachable(e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(EventId = 3019, Level = LogLevel.Warning,
        Message = "the cluster registry did not answer ({Kind}: {Reason}); retrying at the next heartbeat")]
    private partial void LogUnreachable(string kind, string reason);
}
