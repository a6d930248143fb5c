namespace Hearth.Hardware.Pci;

/// <summary>A display, 3D or processing-accelerator controller on the PCI bus, seen with or without a driver.</summary>
/// <param name="Address">Bus address such as <c>0000:01:00.0</c>.</param>
/// <param name="VendorId">PCI vendor id (0x10de NVIDIA, 0x1002 AMD, 0x8086 Intel).</param>
/// <param name="DeviceId">PCI device id.</param>
/// <param name="ClassCode">PCI class code (0x030000 VGA, 0x030200 3D, 0x120000 accelerator).</param>
/// <param name="Driver">Kernel driver bound to it (nvidia, amdgpu, i915…), or null when none is.</param>
public sealed record PciDevice(string Address, int VendorId, int DeviceId, int ClassCode, string? Driver)
{
    public string Vendor => VendorId switch
    {
        0x10de => "NVIDIA",
        0x1002 => "AMD",
        0x8086 => "Intel",
        0x1af4 or 0x1234 or 0x1b36 => "virtual",
        0x15ad => "VMware",
        0x1414 => "Microsoft",
        _ => $"vendor 0x{VendorId:x4}",
    };

    /// <summary>Whether this is a compute-capable GPU rather than an emulated or server-management display.</summary>
    public bool IsComputeGpu => VendorId is 0x10de or 0x1002 || (VendorId == 0x8086 && ClassCode >> 8 != 0x0300);
}
