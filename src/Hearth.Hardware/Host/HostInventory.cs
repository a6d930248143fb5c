using System.Globalization;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Host;

/// <summary>Reads <see cref="HostInfo"/> from <c>/etc</c>, <c>/proc</c> and <c>/sys</c>.</summary>
public static class HostInventory
{
    private static readonly (string Marker, string Name)[] Hypervisors =
    [
        ("amazon", "Amazon EC2"), ("google", "Google Compute Engine"), ("microsoft", "Microsoft Hyper-V/Azure"),
        ("vmware", "VMware"), ("virtualbox", "VirtualBox"), ("qemu", "QEMU"), ("kvm", "KVM"), ("xen", "Xen"),
        ("openstack", "OpenStack"),
    ];

    private static readonly string[] DmiFiles = ["sys_vendor", "product_name", "bios_vendor"];
    private static readonly string[] CgroupMarkers = ["kubepods", "docker", "containerd", "lxc"];

    public static HostInfo Read(ISystemFiles files, IEnvironmentVariables environment, bool cpuHypervisorFlag)
    {
        var meminfo = ParseMeminfo(files.ReadText("/proc/meminfo"));
        return new HostInfo(
            OsName(files.ReadText("/etc/os-release")),
            files.ReadText("/proc/sys/kernel/osrelease")?.Trim() ?? "unknown",
            meminfo.GetValueOrDefault("MemTotal"),
            meminfo.GetValueOrDefault("MemAvailable"),
            Virtualization(files, cpuHypervisorFlag),
            Container(files, environment),
            CpuLimit(files.ReadText("/sys/fs/cgroup/cpu.max")),
            MemoryLimit(files.ReadText("/sys/fs/cgroup/memory.max")));
    }

    private static string OsName(string? osRelease)
    {
        foreach (var line in (osRelease ?? "").Split('\n'))
        {
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            {
                return line["PRETTY_NAME=".Length..].Trim('"');
            }
        }

        return "unknown Linux";
    }

    private static Dictionary<string, long?> ParseMeminfo(string? text)
    {
        var values = new Dictionary<string, long?>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2 && long.TryParse(parts[1].Replace("kB", "", StringComparison.Ordinal).Trim(), out var kb))
            {
                values[parts[0]] = kb * 1024;
            }
        }

        return values;
    }

    private static string? Virtualization(ISystemFiles files, bool hypervisorFlag)
    {
        var dmi = string.Join(' ', DmiFiles.Select(f => files.ReadText($"/sys/class/dmi/id/{f}")?.Trim() ?? "")).ToLowerInvariant();
        foreach (var (marker, name) in Hypervisors)
        {
            if (dmi.Contains(marker, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return hypervisorFlag ? "hypervisor (vendor not exposed)" : null;
    }

    private static string? Container(ISystemFiles files, IEnvironmentVariables environment)
    {
        if (environment.Read("KUBERNETES_SERVICE_HOST") is not null)
        {
            return "kubernetes";
        }

        if (files.Exists("/.dockerenv"))
        {
            return "docker";
        }

        if (files.Exists("/run/.containerenv"))
        {
            return "podman";
        }

        var cgroup = files.ReadText("/proc/1/cgroup") ?? "";
        foreach (var name in CgroupMarkers)
        {
            if (cgroup.Contains(name, StringComparison.Ordinal))
            {
                return name == "kubepods" ? "kubernetes" : name;
            }
        }

        return environment.Read("container");
    }

    private static double? CpuLimit(string? cpuMax)
    {
        var parts = (cpuMax ?? "").Trim().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], out var quota) && long.TryParse(parts[1], out var period) && period > 0
            ? (double)quota / period
            : null;
    }

    private static long? MemoryLimit(string? memoryMax) =>
        long.TryParse(memoryMax?.Trim(), CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
}
