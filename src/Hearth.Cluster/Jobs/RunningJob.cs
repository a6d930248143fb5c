namespace Hearth.Cluster.Jobs;

/// <summary>A job that still has shards to run.</summary>
public sealed record RunningJob(string Id, JobKind Kind, string[] Features, BenchRequest? Bench);
