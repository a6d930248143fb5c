namespace Hearth.Hardware.Host;

/// <summary>The operating system, memory and the kind of box this runs in.</summary>
/// <param name="Os">Pretty name from <c>/etc/os-release</c>.</param>
/// <param name="Kernel">Kernel release.</param>
/// <param name="MemoryTotalBytes">Physical memory the kernel sees.</param>
/// <param name="MemoryAvailableBytes">Memory available to new work.</param>
/// <param name="Virtualization">Hypervisor or cloud name ("KVM", "Amazon EC2"…), or null on bare metal.</param>
/// <param name="Container">Container runtime ("docker", "kubernetes", "podman"…), or null.</param>
/// <param name="CgroupCpuLimit">CPUs allowed by the cgroup quota, or null when unlimited.</param>
/// <param name="CgroupMemoryLimitBytes">Memory allowed by the cgroup, or null when unlimited.</param>
public sealed record HostInfo(
    string Os,
    string Kernel,
    long? MemoryTotalBytes,
    long? MemoryAvailableBytes,
    string? Virtualization,
    string? Container,
    double? CgroupCpuLimit,
    long? CgroupMemoryLimitBytes);
