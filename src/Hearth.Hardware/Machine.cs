using Hearth.Hardware.Gpu;
using Hearth.Hardware.Nvidia;
using Hearth.Hardware.Ai;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware;

/// <summary>The edges of the machine the doctor reads and drives; tests replace each with a recording.</summary>
public sealed record Machine(
    ISystemFiles Files,
    IEnvironmentVariables Environment,
    INvml Nvml,
    INativeLibraries Libraries,
    IGpuCompute Compute,
    IAiRuntime Ai,
    IReadOnlyList<string> InstructionSets,
    int LogicalCores,
    int ProcessId)
{
    /// <summary>The real machine this process runs on.</summary>
    public static Machine Local(IGpuCompute compute, INvml nvml, IAiRuntime ai) => new(
        RootedSystemFiles.Machine,
        new ProcessEnvironment(),
        nvml,
        new DynamicLoader(),
        compute,
        ai,
        Cpu.InstructionSets.OfThisProcess(),
        System.Environment.ProcessorCount,
        System.Environment.ProcessId);
}
