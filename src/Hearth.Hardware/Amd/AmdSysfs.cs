using System.Globalization;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Amd;

/// <summary>Reads AMD GPUs from <c>/sys/class/drm/card*/device</c> (the amdgpu driver's files).</summary>
public static class AmdSysfs
{
    public static IReadOnlyList<AmdGpu> Read(ISystemFiles files)
    {
        var gpus = new List<AmdGpu>();
        foreach (var card in files.List("/sys/class/drm").Where(IsCard))
        {
            var dir = $"/sys/class/drm/{card}/device";
            if (files.ReadText($"{dir}/vendor")?.Trim() != "0x1002")
            {
                continue;
            }

            var hwmon = files.List($"{dir}/hwmon").Select(h => $"{dir}/hwmon/{h}").FirstOrDefault();
            gpus.Add(new AmdGpu(
                card,
                ParseAddress(files.ReadText($"{dir}/uevent")) ?? card,
                files.ReadText($"{dir}/product_name")?.Trim(),
                Long(files.ReadText($"{dir}/mem_info_vram_total")),
                Long(files.ReadText($"{dir}/mem_info_vram_used")),
                (int?)Long(files.ReadText($"{dir}/gpu_busy_percent")),
                hwmon is null ? null : Long(files.ReadText($"{hwmon}/temp1_input")) / 1000.0,
                hwmon is null ? null : (Long(files.ReadText($"{hwmon}/power1_average")) ?? Long(files.ReadText($"{hwmon}/power1_input"))) / 1e6));
        }

        return gpus;
    }

    private static bool IsCard(string name) => name.StartsWith("card", StringComparison.Ordinal) && name[4..].All(char.IsAsciiDigit)
        && name.Length > 4;

    private static string? ParseAddress(string? uevent) =>
        (uevent ?? "").Split('\n').FirstOrDefault(l => l.StartsWith("PCI_SLOT_NAME=", StringComparison.Ordinal))?["PCI_SLOT_NAME=".Length..].Trim();

    private static long? Long(string? text) =>
        long.TryParse(text?.Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;
}
