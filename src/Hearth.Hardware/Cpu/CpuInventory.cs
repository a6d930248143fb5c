using System.Globalization;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Cpu;

/// <summary>Reads the CPU's description from <c>/proc/cpuinfo</c> and cpufreq.</summary>
public static class CpuInventory
{
    public static CpuInfo Read(ISystemFiles files, IReadOnlyList<string> instructionSets, int logicalCores)
    {
        var text = files.ReadText("/proc/cpuinfo") ?? "";
        string? model = null;
        double? mhz = null;
        var hypervisor = false;
        var cores = new HashSet<(string, string)>();
        string physical = "0";
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "model name" or "Model" or "cpu model":
                    model ??= value;
                    break;
                case "cpu MHz" when double.TryParse(value, CultureInfo.InvariantCulture, out var m):
                    mhz = Math.Max(mhz ?? 0, m);
                    break;
                case "flags" when value.Split(' ').Contains("hypervisor"):
                    hypervisor = true;
                    break;
                case "physical id":
                    physical = value;
                    break;
                case "core id":
                    cores.Add((physical, value));
                    break;
            }
        }

        var maxKhz = files.ReadText("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
        if (double.TryParse(maxKhz?.Trim(), CultureInfo.InvariantCulture, out var khz) && khz > 0)
        {
            mhz = khz / 1000;
        }

        return new CpuInfo(
            model ?? "unknown CPU",
            logicalCores,
            cores.Count > 0 ? cores.Count : null,
            mhz,
            instructionSets,
            hypervisor);
    }
}
