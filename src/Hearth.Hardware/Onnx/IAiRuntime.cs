namespace Hearth.Hardware.Onnx;

/// <summary>The AI runtime (ONNX Runtime with the MiniLM model), abstracted so tests can record its answers.</summary>
public interface IAiRuntime
{
    string Version();

    IReadOnlyList<string> ListedProviders();

    /// <summary>Embeds the sanity sentences on one provider in strict mode; <paramref name="reference"/> (CPU vectors) is compared when given.</summary>
    (EmbeddingRun Run, float[][]? Vectors) Embed(string provider, float[][]? reference, CancellationToken cancellationToken);
}
