using System.Globalization;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Pci;

/// <summary>Lists display and accelerator controllers from <c>/sys/bus/pci/devices</c>, whether or not a driver is loaded.</summary>
public static class PciScanner
{
    private const string Root = "/sys/bus/pci/devices";

    public static IReadOnlyList<PciDevice> Scan(ISystemFiles files)
    {
        var devices = new List<PciDevice>();
        foreach (var address in files.List(Root))
        {
            var dir = $"{Root}/{address}";
            var classCode = Hex(files.ReadText($"{dir}/class"));
            // 0x03: display controllers; 0x12: processing accelerators.
            if (classCode is not { } code || (code >> 16 != 0x03 && code >> 16 != 0x12))
            {
                continue;
            }

            devices.Add(new PciDevice(
                address,
                Hex(files.ReadText($"{dir}/vendor")) ?? 0,
                Hex(files.ReadText($"{dir}/device")) ?? 0,
                code,
                files.LinkTargetName($"{dir}/driver")));
        }

        return devices;
    }

    private static int? Hex(string? text)
    {
        var value = text?.Trim();
        if (value is null)
        {
            return null;
        }

        value = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        return int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
