namespace Hearth.Cluster.Jobs;

/// <summary>A job to run over the cluster: its kind ("analyze"), options and input documents, in order.</summary>
public sealed record JobRequest(string Kind, IReadOnlyList<string> Features, IReadOnlyList<JobDocument> Documents);

/// <summary>An input document: its text, or why it could not be read (reported in the output, not retried).</summary>
public sealed record JobDocument(string Id, string? Text, string? Error = null);
