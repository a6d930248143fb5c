namespace Hearth.Hardware.Ai;

/// <summary>The MiniLM sentence-embedding model run on one ONNX Runtime execution provider, its placement read from ONNX Runtime's profile.</summary>
/// <param name="Provider">Execution provider, e.g. <c>CPUExecutionProvider</c>.</param>
/// <param name="Works">The session was created with no fallback to the CPU and produced sound embeddings.</param>
/// <param name="SentencesPerSecond">Throughput at batch 32, when it ran.</param>
/// <param name="Detail">What was checked, or the error that stopped it.</param>
public sealed record EmbeddingRun(string Provider, bool Works, double? SentencesPerSecond, string Detail);
