namespace Hearth.Cluster.Membership;

/// <summary>
/// Orleans' fatal errors (a development cluster whose first node restarted with an empty membership table, a silo
/// declared dead) make the node leave the cluster and start again, instead of ending the process with FailFast.
/// </summary>
public sealed class LeaveOnFatalError(ClusterLink link) : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null) =>
        link.Leave(ClusterExit.MembershipLost, exception?.Message ?? context ?? "no reason given");
}
