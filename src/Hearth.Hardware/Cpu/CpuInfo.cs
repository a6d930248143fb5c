namespace Hearth.Hardware.Cpu;

/// <summary>What the CPU is and what it can do.</summary>
/// <param name="Model">Model name from <c>/proc/cpuinfo</c>.</param>
/// <param name="LogicalCores">Logical processors this process may use.</param>
/// <param name="PhysicalCores">Distinct (package, core) pairs, when the kernel reports them.</param>
/// <param name="ListedMhz">Frequency the system lists (cpufreq maximum, else <c>cpu MHz</c>), or null.</param>
/// <param name="InstructionSets">SIMD sets this runtime can use (SSE4.2, AVX2, FMA, AVX-512F, NEON…).</param>
/// <param name="Hypervisor">Whether the CPU reports that it runs under a hypervisor.</param>
public sealed record CpuInfo(
    string Model,
    int LogicalCores,
    int? PhysicalCores,
    double? ListedMhz,
    IReadOnlyList<string> InstructionSets,
    bool Hypervisor)
{
    /// <summary>The widest SIMD set, for one-line summaries.</summary>
    public string Widest => WidestFirst.FirstOrDefault(InstructionSets.Contains) ?? "no SIMD";

    private static readonly string[] WidestFirst = ["AVX-512F", "AVX2", "NEON", "AVX", "SSE4.2"];

    /// <summary>Single-precision FLOPs one core retires per cycle with the widest FMA it has.</summary>
    /// <remarks>Assumes two FMA pipes, true of every x86 server core since Haswell except some Xeon Silver/Bronze parts.</remarks>
    public int FlopsPerCycle => InstructionSets.Contains("AVX-512F") ? 64
        : InstructionSets.Contains("FMA") ? 32
        : InstructionSets.Contains("NEON") ? 16
        : 8;
}
