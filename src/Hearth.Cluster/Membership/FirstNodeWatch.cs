using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace Hearth.Cluster.Membership;

/// <summary>
/// In a development cluster (no <c>--cluster</c>), the first node holds the membership table: a node that joined it
/// leaves when it stops answering (Orleans would otherwise wait, then fail fast when it comes back empty), and a node
/// that went on alone joins it again when it answers.
/// </summary>
public sealed class FirstNodeWatch(HearthClusterOptions options, ClusterLink link) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Membership is not null || (options.Join ?? options.Rejoin) is not { } first)
        {
            return;
        }

        var joined = options.Join is not null;
        using var timer = new PeriodicTimer(options.FirstNodeCheck);
        var misses = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var answers = await AnswersAsync(first, options.FirstNodeCheck, stoppingToken).ConfigureAwait(false);
            misses = answers ? 0 : misses + 1;
            if (joined && misses == options.FirstNodeMisses)
            {
                var silent = options.FirstNodeCheck * misses;
                link.Leave(ClusterExit.FirstNodeGone, $"the cluster's first node {first} has not answered for {silent.TotalSeconds:0} s");
                return;
            }

            if (!joined && answers)
            {
                link.Leave(ClusterExit.FirstNodeBack, $"the cluster's first node {first} answers again");
                return;
            }
        }
    }

    /// <summary>Whether the node's silo port accepts a connection within <paramref name="timeout"/>.</summary>
    public static async Task<bool> AnswersAsync(IPEndPoint node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new TcpClient(node.AddressFamily);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(node, deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
