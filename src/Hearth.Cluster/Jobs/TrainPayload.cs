using System.Text.Json;
using Hearth.Cluster.Nodes;
using Hearth.Hardware;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// What a train job carries, as the text of its one document (whose id is the node that trains): the <c>hearth train</c>
/// options and the data files' names and contents.
/// </summary>
public sealed record TrainPayload(string Task, string Name, int Epochs, string Layers, int Batch, double? LearningRate, int Seed,
    string DataFile, string Data, string? DevFile = null, string? Dev = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, HearthJson.Compact);

    /// <exception cref="ArgumentException">Not a train payload.</exception>
    public static TrainPayload Parse(string? json)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainPayload>(json ?? "", HearthJson.Compact) ?? throw new ArgumentException("an empty train job");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"not a train job: {e.Message}");
        }
    }

    /// <summary>
    /// Where to train: among the nodes that take train jobs, one with a GPU that <c>hearth bench</c> measured first, then the
    /// fastest measured SGEMM, then the most cores.
    /// </summary>
    public static string? BestNode(IEnumerable<NodeStatus> nodes) =>
        nodes.Where(n => n.Roles.Contains(JobKind.Train))
            .OrderByDescending(n => n.Devices.Any(d => d.StartsWith("gpu", StringComparison.Ordinal)))
            .ThenByDescending(n => n.GemmGflops ?? 0).ThenByDescending(n => n.Cores).ThenBy(n => n.Name, StringComparer.Ordinal)
            .FirstOrDefault()?.Name;
}
