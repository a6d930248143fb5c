using Hearth.Hardware;
using Hearth.Hardware.Doctor;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.Nvidia;
using Hearth.Hardware.Ai;
using Hearth.Hardware.Platform;

namespace Hearth.Testing.Fakes;

/// <summary>Builds a <see cref="Machine"/> from a recorded fixture tree and recorded fakes.</summary>
public static class Machines
{
    public const int Pid = 4242;

    public static ISystemFiles Files(string fixture) =>
        new RootedSystemFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));

    public static Machine From(
        string fixture,
        INvml? nvml = null,
        IGpuCompute? compute = null,
        IEnvironmentVariables? environment = null,
        INativeLibraries? libraries = null,
        IAiRuntime? ai = null) =>
        new(
            Files(fixture),
            environment ?? new FakeEnvironment(),
            nvml ?? FakeNvml.Failing("libnvidia-ml.so.1 not found"),
            libraries ?? new FakeLibraries(),
            compute ?? new FakeCompute(new ComputeAccelerator(0, "CPU", "CPUAccelerator", null, null)),
            ai ?? new FakeAi(),
            ["SSE4.2", "AVX", "AVX2", "FMA"],
            4,
            Pid);

    /// <summary>Small and quick: the proofs still run for real on the CPU, only smaller.</summary>
    public static DoctorOptions QuickOptions { get; } = new(CpuGemmSize: 96, GpuGemmSize: 256, GpuProofSeconds: 0, MeasureClock: false);
}
