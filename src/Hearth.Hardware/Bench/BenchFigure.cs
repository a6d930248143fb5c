namespace Hearth.Hardware.Bench;

/// <summary>One figure of a benchmark run.</summary>
/// <param name="Device">"cpu", "gpu0"…</param>
/// <param name="Metric">"sgemm", "triad", "embeddings" or "speedup".</param>
/// <param name="Size">Matrix size N for GEMM, else 0.</param>
/// <param name="Value">The figure.</param>
/// <param name="Unit">"GFLOPS", "GB/s", "sentences/s", "×".</param>
/// <param name="PercentOfPeak">Share of the theoretical peak, when the peak is known.</param>
/// <param name="Engine">What computed it.</param>
public sealed record BenchFigure(string Device, string Metric, int Size, double Value, string Unit, double? PercentOfPeak, string Engine);
