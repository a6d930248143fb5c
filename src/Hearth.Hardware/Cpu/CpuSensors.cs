using System.Globalization;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Cpu;

/// <summary>CPU package temperature (hwmon, thermal zones) and energy (RAPL); null when not exposed, as in most VMs.</summary>
public static class CpuSensors
{
    private static readonly string[] HwmonNames = ["coretemp", "k10temp", "zenpower", "cpu_thermal"];

    public static double? TemperatureC(ISystemFiles files) => TemperatureC(files, TemperatureFile(files));

    /// <summary>Reads a temperature file found by <see cref="TemperatureFile"/> (millidegrees).</summary>
    public static double? TemperatureC(ISystemFiles files, string? file) =>
        file is null ? null : Number(files.ReadText(file)) / 1000;

    /// <summary>The file holding the CPU package temperature (hwmon first, then thermal zones), or null when none is exposed.</summary>
    public static string? TemperatureFile(ISystemFiles files)
    {
        foreach (var hwmon in files.List("/sys/class/hwmon"))
        {
            var dir = $"/sys/class/hwmon/{hwmon}";
            if (HwmonNames.Contains(files.ReadText($"{dir}/name")?.Trim()) && files.Exists($"{dir}/temp1_input"))
            {
                return $"{dir}/temp1_input";
            }
        }

        foreach (var zone in files.List("/sys/class/thermal").Where(z => z.StartsWith("thermal_zone", StringComparison.Ordinal)))
        {
            var dir = $"/sys/class/thermal/{zone}";
            var type = files.ReadText($"{dir}/type")?.Trim() ?? "";
            if ((type.Contains("pkg", StringComparison.Ordinal) || type.Contains("cpu", StringComparison.OrdinalIgnoreCase) || type == "acpitz")
                && files.Exists($"{dir}/temp"))
            {
                return $"{dir}/temp";
            }
        }

        return null;
    }

    /// <summary>Package energy counter in microjoules (RAPL), or null when not readable (it is root-only on recent kernels).</summary>
    public static double? EnergyMicrojoules(ISystemFiles files) =>
        Number(files.ReadText("/sys/class/powercap/intel-rapl:0/energy_uj"));

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;
}
