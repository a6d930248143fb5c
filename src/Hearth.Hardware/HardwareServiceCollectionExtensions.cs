using Hearth.Hardware.Ai;
using Hearth.Hardware.Bench;
using Hearth.Hardware.Cpu;
using Hearth.Hardware.Doctor;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.History;
using Hearth.Hardware.Runs;
using Hearth.Hardware.Nvidia;
using Hearth.Hardware.Platform;
using Hearth.Hardware.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Hardware;

/// <summary>Registers device discovery, the doctor, the benchmarks, telemetry and the stores.</summary>
public static class HardwareServiceCollectionExtensions
{
    public static IServiceCollection AddHearthHardware(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISystemFiles>(RootedSystemFiles.Machine);
        services.AddSingleton<INvml, NvmlLibrary>();
        services.AddSingleton<IlgpuCompute>();
        // The AI runtime comes from Hearth.Text (AddHearthText), which runs the model the doctor proves.
        services.AddSingleton(sp => Machine.Local(sp.GetRequiredService<IlgpuCompute>(), sp.GetRequiredService<INvml>(),
            sp.GetRequiredService<IAiRuntime>()));
        services.AddSingleton<DoctorRunner>();
        services.AddSingleton<BenchRunner>();
        services.AddSingleton(_ => HearthDatabase.InDefaultHome());
        services.AddSingleton<BenchHistory>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton(sp =>
        {
            var files = sp.GetRequiredService<ISystemFiles>();
            var time = sp.GetRequiredService<TimeProvider>();
            var cpu = CpuInventory.Read(files, InstructionSets.OfThisProcess(), Environment.ProcessorCount);
            return new TelemetryCollector([new CpuSampler(files, time, cpu.Model), new NvidiaSampler(sp.GetRequiredService<INvml>()),
                new AmdSampler(files)], time);
        });
        return services;
    }
}
