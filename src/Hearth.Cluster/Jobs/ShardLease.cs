using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>A shard given to a worker until <see cref="Duration"/> has passed on the coordinator's clock.</summary>
/// <param name="Attempt">1 the first time, more after an expired lease or a failure.</param>
/// <param name="Models">For an analyze job: trained models to use, FEATURE=NAME (every node has the cluster's models).</param>
[GenerateSerializer, Immutable]
public sealed record ShardLease(
    string JobId, int Shard, string Coordinator, JobKind Kind, string[] Features, BenchRequest? Bench, InputDocument[] Documents, int Attempt,
        TimeSpan Duration, string[] Models);
