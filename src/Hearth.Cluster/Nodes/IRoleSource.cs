using Hearth.Cluster.Jobs;

namespace Hearth.Cluster.Nodes;

/// <summary>Something on this node that lets it take more kinds of work while it is there (a paired board).</summary>
public interface IRoleSource
{
    IEnumerable<JobKind> Roles { get; }
}
