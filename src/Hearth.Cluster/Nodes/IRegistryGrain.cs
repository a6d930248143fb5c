namespace Hearth.Cluster.Nodes;

/// <summary>The cluster's list of nodes: each node reports itself and gets everyone's latest status back.</summary>
public interface IRegistryGrain : IGrainWithIntegerKey
{
    Task<NodeStatus[]> Heartbeat(NodeStatus status);

    Task<NodeStatus[]> Nodes();
}
