using Hearth.Hardware.Bench;
using Hearth.Hardware.Doctor;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.History;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Hardware;

/// <summary>Registers device discovery, the doctor and the benchmarks.</summary>
public static class HardwareServiceCollectionExtensions
{
    public static IServiceCollection AddHearthHardware(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IlgpuCompute>();
        services.AddSingleton(sp => Machine.Local(sp.GetRequiredService<IlgpuCompute>()));
        services.AddSingleton<DoctorRunner>();
        services.AddSingleton<BenchRunner>();
        services.AddSingleton(_ => HearthDatabase.InDefaultHome());
        services.AddSingleton<BenchHistory>();
        return services;
    }
}
