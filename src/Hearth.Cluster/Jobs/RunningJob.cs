namespace Hearth.Cluster.Jobs;

/// <summary>A job that still has shards to run.</summary>
/// <param name="Models">For an analyze job: trained models to use, FEATURE=NAME.</param>
public sealed record RunningJob(string Id, JobKind Kind, string[] Features, BenchRequest? Bench, string[] Models);
