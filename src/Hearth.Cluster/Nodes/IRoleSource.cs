namespace Hearth.Cluster.Nodes;

/// <summary>Something on this node that lets it take more kinds of work while it is there (a paired board).</summary>
public interface IRoleSource
{
    IEnumerable<string> Roles { get; }
}
