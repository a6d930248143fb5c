namespace Hearth.Hardware.Ai;

/// <summary>
/// The AI runtime (ONNX Runtime with the MiniLM model, implemented in Hearth.Text): the doctor proves it, the bench
/// measures it, and analysis runs on it. Abstracted so that tests can record its answers.
/// </summary>
public interface IAiRuntime
{
    string Version();

    IReadOnlyList<string> ListedProviders();

    /// <summary>The provider the shared encoder runs on (placing it loads the model), and why it fell back, if it did.</summary>
    AiPlacement Placement();

    /// <summary>
    /// Embeds the sanity sentences on one provider (its compute nodes there, by ONNX Runtime's profile): on the shared
    /// encoder when it runs there, else on an encoder made for the check. <paramref name="reference"/> (CPU vectors) is compared when given.
    /// </summary>
    (EmbeddingRun Run, float[][]? Vectors) Embed(string provider, float[][]? reference, CancellationToken cancellationToken);
}
