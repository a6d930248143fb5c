namespace Hearth.Cluster.Models;

/// <summary>The models trained on a node (HEARTH_HOME/models), read and copied from any node; its key is that node's name.</summary>
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="count"/> bytes of a model's file (card.json or weights.bin) from <paramref name="offset"/>; empty at its end.
    /// </summary>
    Task<byte[]> Read(string model, string file, long offset, int count);

    /// <summary>
    /// Copies the model from the node <paramref name="from"/> into this node's models, its weights checked against the
    /// SHA-256 its card records; returns what was copied.
    /// </summary>
    [ResponseTimeout("00:30:00")]
    Task<string> Fetch(string model, string from);
}
