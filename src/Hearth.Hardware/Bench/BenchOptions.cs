namespace Hearth.Hardware.Bench;

/// <summary>What <c>hearth bench</c> measures.</summary>
/// <param name="GemmSizes">Sizes N of the N × N × N SGEMM sweep.</param>
/// <param name="CpuTriadElements">Floats per array of the CPU STREAM triad (3 arrays; well past the caches).</param>
/// <param name="GpuTriadElements">Floats per array of the GPU triad.</param>
/// <param name="RunAi">Measure embedding throughput per execution provider.</param>
public sealed record BenchOptions(
    IReadOnlyList<int> GemmSizes,
    int CpuTriadElements = 32 << 20,
    long GpuTriadElements = 256L << 20,
    bool RunAi = true)
{
    public static IReadOnlyList<int> DefaultSizes { get; } = [256, 512, 1024, 2048, 4096];
}
