using System.Diagnostics;
using Hearth.Hardware.Ai;
using Hearth.Hardware.History;
using Microsoft.ML.OnnxRuntime;

namespace Hearth.Text.Embeddings;

/// <summary>
/// Hearth's one MiniLM runtime: it places the shared <see cref="MiniLmEncoder"/> (on CUDA where ONNX Runtime really
/// runs there, else on the CPU, with the reason), and that very encoder is what <c>hearth doctor</c> proves,
/// <c>hearth bench</c> measures, and <c>hearth analyze</c>, the node and the cluster run. Other providers are checked
/// on encoders made for the check and disposed after it.
/// </summary>
public sealed class EncoderRuntime : IAiRuntime, IDisposable
{
    private readonly Lazy<(MiniLmEncoder Encoder, string? Fallback)> shared;

    /// <summary>Where models prepared for the CPU are kept; null: nowhere.</summary>
    public string? Cache { get; }

    /// <param name="cache">Where the model prepared for the CPU is kept; null: HEARTH_HOME/cache (none if it cannot be made).</param>
    public EncoderRuntime(string? cache = null)
    {
        Cache = cache ?? DefaultCache();
        shared = new(() => Place(Cache));
    }

    /// <summary>The shared encoder (placed and loaded on first use).</summary>
    public MiniLmEncoder Encoder => shared.Value.Encoder;

    public string Version() => OnnxEnvironment.Version();

    public IReadOnlyList<string> ListedProviders() => OnnxEnvironment.ListedProviders();

    public AiPlacement Placement() => new(shared.Value.Encoder.Provider, shared.Value.Fallback);

    public (EmbeddingRun Run, float[][]? Vectors) Embed(string provider, float[][]? reference, CancellationToken cancellationToken)
    {
        if (!OnnxEnvironment.Loaded)
        {
            return (new EmbeddingRun(provider, false, null, "the ONNX Runtime native library (libonnxruntime.so) cannot be loaded"), null);
        }

        if (provider == Encoder.Provider)
        {
            return Check(Encoder, reference, "the encoder every analysis runs on", cancellationToken);
        }

        MiniLmEncoder encoder;
        try
        {
            encoder = OnProvider(provider);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (new EmbeddingRun(provider, false, null, ProviderOptions.Failure(provider, e)), null);
        }

        using (encoder)
        {
            return Check(encoder, reference, "an encoder made for this check", cancellationToken);
        }
    }

    public void Dispose()
    {
        if (shared.IsValueCreated)
        {
            shared.Value.Encoder.Dispose();
        }
    }

    private static string? DefaultCache()
    {
        try
        {
            return Path.Combine(HearthHome.Resolve(), "cache");
        }
        catch (InvalidOperationException)
        {
            return null; // HEARTH_HOME is not writable: the model is read from the package each time
        }
    }

    private static (MiniLmEncoder Encoder, string? Fallback) Place(string? cache)
    {
        if (!OnnxEnvironment.ListedProviders().Contains(ExecutionProviders.Cuda))
        {
            return (new MiniLmEncoder(ExecutionProviders.Cpu, cache), null);
        }

        try
        {
            return (OnProvider(ExecutionProviders.Cuda), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (new MiniLmEncoder(ExecutionProviders.Cpu, cache),
                $"the CUDA provider is listed but cannot run the model ({ProviderOptions.Failure(ExecutionProviders.Cuda, e)}): running on the CPU");
        }
    }

    /// <summary>An encoder whose compute nodes ONNX Runtime's profile shows on <paramref name="provider"/>; else it says where they ran.</summary>
    private static MiniLmEncoder OnProvider(string provider)
    {
        var encoder = new MiniLmEncoder(provider);
        if (encoder.Placement?.Problem(provider) is { } problem)
        {
            encoder.Dispose();
            throw new InvalidOperationException(problem);
        }

        return encoder;
    }

    /// <summary>Embeds the sanity sentences at batch 32 after a warm-up, and judges the vectors.</summary>
    private static (EmbeddingRun Run, float[][]? Vectors) Check(MiniLmEncoder encoder, float[][]? reference, string which,
        CancellationToken cancellationToken)
    {
        var sentences = EmbeddingSanity.Sentences;
        try
        {
            encoder.Encode([.. sentences.Take(8)], cancellationToken); // warm-up
            var watch = Stopwatch.StartNew();
            var vectors = encoder.Encode(sentences, cancellationToken);
            var rate = sentences.Count / watch.Elapsed.TotalSeconds;
            var problem = EmbeddingSanity.Problem(sentences, vectors, reference);
            var placed = encoder.Provider == ExecutionProviders.Cpu || encoder.Placement is null ? ""
                : $"; {encoder.Placement.Summary(encoder.Provider)}";
            var detail = problem ?? $"{vectors.Length} sentences → {vectors[0].Length}-dim vectors; similar sentences closest{placed}; {which}";
            return (new EmbeddingRun(encoder.Provider, problem is null, rate, detail), vectors);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (new EmbeddingRun(encoder.Provider, false, null,
                $"the model failed while running: {ProviderOptions.Failure(encoder.Provider, e)}"), null);
        }
    }
}
