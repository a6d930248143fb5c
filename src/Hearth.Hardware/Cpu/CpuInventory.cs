using System.Globalization;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Cpu;

/// <summary>Reads the CPU's description from <c>/proc/cpuinfo</c> and cpufreq.</summary>
public static class CpuInventory
{
    // Arm cores by "CPU part" (implementer 0x41, Arm Ltd.): Arm kernels print no "model name".
    private static readonly Dictionary<string, string> ArmParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0xd03"] = "Cortex-A53",
        ["0xd05"] = "Cortex-A55",
        ["0xd07"] = "Cortex-A57",
        ["0xd08"] = "Cortex-A72",
        ["0xd0b"] = "Cortex-A76",
        ["0xd0d"] = "Cortex-A77",
        ["0xd41"] = "Cortex-A78",
        ["0xd0c"] = "Neoverse-N1",
        ["0xd40"] = "Neoverse-V1",
        ["0xd49"] = "Neoverse-N2",
        ["0xd4f"] = "Neoverse-V2",
        ["0xd8e"] = "Neoverse-N3",
    };

    public static CpuInfo Read(ISystemFiles files, IReadOnlyList<string> instructionSets, int logicalCores)
    {
        var text = files.ReadText("/proc/cpuinfo") ?? "";
        string? model = null, board = null, armPart = null;
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
                case "model name" or "cpu model":
                    model ??= value;
                    break;
                case "Model":
                    board ??= value; // e.g. "Raspberry Pi 4 Model B Rev 1.4"
                    break;
                case "CPU part":
                    armPart ??= ArmParts.GetValueOrDefault(value, $"Arm core {value}");
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
            model ?? (board, armPart) switch
            {
                (not null, not null) => $"{board} ({armPart})",
                (null, not null) => armPart,
                (not null, null) => board,
                _ => "unknown CPU",
            },
            logicalCores,
            cores.Count > 0 ? cores.Count : null,
            mhz,
            instructionSets,
            hypervisor);
    }
}
