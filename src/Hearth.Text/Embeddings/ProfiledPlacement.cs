using System.Text.Json;
using Hearth.Hardware.Ai;

namespace Hearth.Text.Embeddings;

/// <summary>
/// Where ONNX Runtime ran each node of a model, read from its own profile of one run ("Node" events carry the
/// operator and the execution provider). A GPU provider leaves shape nodes on the CPU by design; the model runs on
/// the GPU when its compute nodes (matrix products, attention, normalisation, activations) do.
/// </summary>
public sealed class ProfiledPlacement
{
    /// <summary>The operators that carry a transformer's compute.</summary>
    private static readonly HashSet<string> Compute =
    [
        "MatMul", "Gemm", "FusedMatMul", "MatMulNBits", "Attention", "MultiHeadAttention", "LayerNormalization",
        "SkipLayerNormalization", "SimplifiedLayerNormalization", "Gelu", "FastGelu", "BiasGelu", "Softmax", "Erf", "Tanh",
    ];

    private readonly Dictionary<(string Operator, string Provider), int> nodes;

    private ProfiledPlacement(Dictionary<(string Operator, string Provider), int> nodes) => this.nodes = nodes;

    /// <summary>Reads a profile (the JSON array ONNX Runtime writes); each node counts once whatever the number of runs.</summary>
    public static ProfiledPlacement Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new Dictionary<(string, string), int>();
        foreach (var e in document.RootElement.EnumerateArray())
        {
            if (e.TryGetProperty("cat", out var cat) && cat.GetString() == "Node" && e.TryGetProperty("args", out var args)
                && args.TryGetProperty("op_name", out var op) && args.TryGetProperty("provider", out var provider)
                && seen.Add(e.GetProperty("name").GetString() ?? ""))
            {
                var key = (op.GetString() ?? "?", provider.GetString() ?? "?");
                nodes[key] = nodes.GetValueOrDefault(key) + 1;
            }
        }

        return new ProfiledPlacement(nodes);
    }

    /// <summary>Why the model does not run on <paramref name="provider"/> (its compute nodes that ran elsewhere); null when it does.</summary>
    public string? Problem(string provider)
    {
        var compute = nodes.Where(n => Compute.Contains(n.Key.Operator)).ToList();
        if (compute.Count == 0)
        {
            return "ONNX Runtime's profile shows no compute node";
        }

        var elsewhere = compute.Where(n => n.Key.Provider != provider).ToList();
        return elsewhere.Count == 0 ? null
            : $"{elsewhere.Sum(n => n.Value)} of {compute.Sum(n => n.Value)} compute nodes ran on another provider than {provider} "
                + $"({Describe(elsewhere)})";
    }

    /// <summary>In words: the compute nodes on <paramref name="provider"/> and what ran elsewhere.</summary>
    public string Summary(string provider)
    {
        var on = nodes.Where(n => n.Key.Provider == provider && Compute.Contains(n.Key.Operator)).ToList();
        var other = nodes.Where(n => n.Key.Provider != provider).Sum(n => n.Value);
        return $"{on.Sum(n => n.Value)} compute nodes on {provider} ({Describe(on)})"
            + (other == 0 ? "" : $", {other} other nodes (shapes, indices) on the CPU as ONNX Runtime places them");
    }

    private static string Describe(IEnumerable<KeyValuePair<(string Operator, string Provider), int>> nodes) =>
        string.Join(", ", nodes.GroupBy(n => (n.Key.Operator, n.Key.Provider)).OrderByDescending(g => g.Sum(n => n.Value))
            .Select(g => $"{g.Key.Operator} {g.Sum(n => n.Value)}{(g.Key.Provider == ExecutionProviders.Cpu ? " on the CPU" : "")}"));
}
