using Orleans.Runtime;

namespace Hearth.Cluster.Placement;

/// <summary>
/// Places a grain on the node named by its key: a node's job coordinator lives where its job store is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class NodePlacement : PlacementStrategy
{
    public static NodePlacement Instance { get; } = new();
}
