using Hearth.Hardware.Ai;

namespace Hearth.Testing.Fakes;

/// <summary>ONNX Runtime answers recorded from real runs: the CPU works, CUDA is listed but cannot load its libraries.</summary>
public sealed class FakeAi : IAiRuntime
{
    public IReadOnlyList<string> Providers { get; init; } = [ExecutionProviders.Cuda, ExecutionProviders.Cpu];

    public EmbeddingRun CudaRun { get; init; } = new(ExecutionProviders.Cuda, false, null,
        "[ErrorCode:Fail] OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library (libcublasLt.so.13 cannot be loaded)");

    public string Version() => "1.31.0";

    public IReadOnlyList<string> ListedProviders() => Providers;

    /// <summary>Where the shared encoder runs: on CUDA when its run works, else on the CPU with CUDA's error as the reason.</summary>
    public AiPlacement Placement() => CudaRun.Works
        ? new(ExecutionProviders.Cuda, null)
        : new(ExecutionProviders.Cpu, $"the CUDA provider is listed but cannot run the model ({CudaRun.Detail}): running on the CPU");

    public (EmbeddingRun Run, float[][]? Vectors) Embed(string provider, float[][]? reference, CancellationToken cancellationToken) =>
        provider == ExecutionProviders.Cpu
            ? (new EmbeddingRun(provider, true, 280, "64 sentences → 384-dim vectors"), [])
            : (CudaRun, null);
}
