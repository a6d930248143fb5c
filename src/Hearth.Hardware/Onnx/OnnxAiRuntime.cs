namespace Hearth.Hardware.Onnx;

/// <summary>The real ONNX Runtime.</summary>
public sealed class OnnxAiRuntime : IAiRuntime
{
    public string Version() => OnnxRuntimeProbe.Version();

    public IReadOnlyList<string> ListedProviders() => OnnxRuntimeProbe.ListedProviders();

    public (EmbeddingRun Run, float[][]? Vectors) Embed(string provider, float[][]? reference, CancellationToken cancellationToken) =>
        OnnxRuntimeProbe.Run(provider, EmbeddingSanity.Sentences, reference, cancellationToken);
}
