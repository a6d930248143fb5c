using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Hearth.Cluster.Placement;

/// <summary>Finds the active silo whose name is the grain's key; a node that is gone gets no activation.</summary>
internal sealed class NodePlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var node = target.GrainIdentity.Key.ToString();
        var compatible = context.GetCompatibleSilos(target);
        var silo = membership.CurrentSnapshot.Members.Values
            .FirstOrDefault(m => m.Status == SiloStatus.Active && m.Name == node && compatible.Contains(m.SiloAddress));
        return silo is not null
            ? Task.FromResult(silo.SiloAddress)
            : throw new SiloUnavailableException($"node '{node}' is not an active member of the cluster");
    }
}
