using Hearth.Cluster.Jobs;

namespace Hearth.Cluster.Nodes;

/// <summary>What a node can do and how busy it is, as it last told the cluster.</summary>
/// <param name="Devices">The devices <c>hearth bench</c> measured on it ("cpu", "gpu0"…).</param>
/// <param name="Roles">The kinds of work it accepts.</param>
/// <param name="DocumentsPerSecond">Its measured analyze throughput on recent shards; 0 before its first.</param>
/// <param name="GemmGflops">Its best measured SGEMM, when <c>hearth bench</c> ran there.</param>
/// <param name="EmbeddingsPerSecond">Its measured MiniLM sentences/s, when <c>hearth bench</c> ran there.</param>
/// <param name="Load">1-minute load average per core.</param>
/// <param name="OpenJobs">Jobs this node coordinates that are not finished.</param>
/// <param name="Heat">
/// Its devices' latest utilisation (%), temperature (°C) and power (W), "device.metric" → value; what the machine does not
/// expose is absent.
/// </param>
[GenerateSerializer, Immutable]
public sealed record NodeStatus(
    string Name,
    int Cores,
    long MemoryBytes,
    string[] Devices,
    JobKind[] Roles,
    double DocumentsPerSecond,
    double? GemmGflops,
    double? EmbeddingsPerSecond,
    double Load,
    int OpenJobs,
    DateTimeOffset At,
    Dictionary<string, double>? Heat = null);
