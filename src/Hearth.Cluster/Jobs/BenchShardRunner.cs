using System.Text.Json;
using Hearth.Hardware;
using Hearth.Hardware.Bench;
using Hearth.Hardware.History;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// <c>hearth bench</c> as a cluster job: each node runs it on its own devices, keeps the run in its own history
/// (so what it advertises is fresh), and sends back its figures as one line.
/// </summary>
internal sealed class BenchShardRunner(BenchRunner bench, BenchHistory history) : IShardRunner
{
    public JobKind Kind => JobKind.Bench;

    public (string[] Lines, int Words) Run(ShardLease lease, CancellationToken cancellationToken)
    {
        var document = lease.Documents.Single();
        var request = lease.Bench ?? new BenchRequest(null, Ai: false);
        var result = bench.Run(new BenchOptions(request.Sizes ?? BenchOptions.DefaultSizes, RunAi: request.Ai), null, cancellationToken);
        history.Append(result);
        return ([JsonSerializer.Serialize(new { id = document.Id, result }, HearthJson.Compact)], 0);
    }
}
