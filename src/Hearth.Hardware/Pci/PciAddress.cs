using System.Globalization;

namespace Hearth.Hardware.Pci;

/// <summary>
/// PCI addresses as NVML ("00000009:01:00.0"), ILGPU and sysfs ("0009:01:00.0") write them: the same device when domain,
/// bus, device and function agree. The domain matters: two GH200s can differ only by it.
/// </summary>
public static class PciAddress
{
    public static bool Same(string? a, string? b) => a is not null && b is not null && Normalise(a) == Normalise(b);

    /// <summary>"domain:bus:device.function" in lower case without leading zeros in the domain; a bus without domain is domain 0.</summary>
    public static string Normalise(string address)
    {
        var parts = address.Trim().ToLowerInvariant().Split(':');
        var domain = parts.Length >= 3 && long.TryParse(parts[^3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var d) ? d : 0;
        return parts.Length >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{domain:x}:{parts[^2]}:{parts[^1]}") : address.ToLowerInvariant();
    }
}
