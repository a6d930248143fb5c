using Microsoft.Extensions.Hosting;

namespace Hearth.Cluster.Membership;

/// <summary>Why a node's silo left its cluster; <c>hearth up</c> starts the node again accordingly (docs/cluster.md).</summary>
public enum ClusterExit
{
    /// <summary>It did not: the node was asked to stop.</summary>
    None,

    /// <summary>The first node, which holds a development cluster's membership, stopped answering: go on alone.</summary>
    FirstNodeGone,

    /// <summary>The first node answers again: join it.</summary>
    FirstNodeBack,

    /// <summary>Orleans found the membership lost or this silo declared dead: start the silo again.</summary>
    MembershipLost,
}

/// <summary>
/// Leaves the cluster cleanly: records why and stops the node's host (in place of Orleans' default, which ends the
/// process with FailFast), so that <c>hearth up</c> can start it again, alone or joined.
/// </summary>
public sealed class ClusterLink(IHostApplicationLifetime lifetime)
{
    private int left;

    public ClusterExit Exit { get; private set; }

    /// <summary>What happened, in plain words.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>The first call wins; the node stops within its shutdown timeout.</summary>
    public void Leave(ClusterExit exit, string reason)
    {
        if (Interlocked.Exchange(ref left, 1) == 0)
        {
            (Exit, Reason) = (exit, reason);
            lifetime.StopApplication();
        }
    }
}
