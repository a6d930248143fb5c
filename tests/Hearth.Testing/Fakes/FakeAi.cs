using Hearth.Hardware.Onnx;

namespace Hearth.Testing.Fakes;

/// <summary>ONNX Runtime answers recorded from real runs: the CPU works, CUDA is listed but cannot load its libraries.</summary>
public sealed class FakeAi : IAiRuntime
{
    public IReadOnlyList<string> Providers { get; init; } = [OnnxRuntimeProbe.Cuda, OnnxRuntimeProbe.Cpu];

    public EmbeddingRun CudaRun { get; init; } = new(OnnxRuntimeProbe.Cuda, false, null, "[ErrorCode:Fail] OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library (libcublasLt.so.13 cannot be loaded)");

    public string Version() => "1.31.0";

    public IReadOnlyList<string> ListedProviders() => Providers;

    public (EmbeddingRun Run, float[][]? Vectors) Embed(string provider, float[][]? reference, CancellationToken cancellationToken) =>
        provider == OnnxRuntimeProbe.Cpu
            ? (new EmbeddingRun(provider, true, 280, "64 sentences → 384-dim vectors"), [])
            : (CudaRun, null);
}
