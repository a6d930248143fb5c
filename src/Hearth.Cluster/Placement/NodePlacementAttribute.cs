using Orleans.Placement;

namespace Hearth.Cluster.Placement;

/// <summary>Marks a grain whose string key is the name of the node it must live on.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NodePlacementAttribute() : PlacementAttribute(NodePlacement.Instance);
