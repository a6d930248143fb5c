using Hearth.Hardware.Amd;
using Hearth.Hardware.Cpu;
using Hearth.Hardware.Host;
using Hearth.Hardware.Pci;
using Hearth.Testing.Fakes;

namespace Hearth.Hardware.Tests.Inventory;

public sealed class InventoryTests
{
    private static readonly string[] Avx2 = ["SSE4.2", "AVX", "AVX2", "FMA"];

    [Fact]
    public void Cpu_of_a_vm_is_read_from_cpuinfo_with_its_hypervisor_flag_and_listed_clock()
    {
        var cpu = CpuInventory.Read(Machines.Files("vm-no-sensors"), Avx2, 4);

        Assert.Equal("Intel Xeon Processor (Cascadelake)", cpu.Model);
        Assert.Equal(4, cpu.LogicalCores);
        Assert.Equal(4, cpu.PhysicalCores);
        Assert.Equal(2294.608, cpu.ListedMhz);
        Assert.True(cpu.Hypervisor);
        Assert.Equal(32, cpu.FlopsPerCycle);
    }

    [Fact]
    public void An_arm_board_is_named_from_its_model_and_cpu_part()
    {
        var cpu = CpuInventory.Read(Machines.Files("raspberry-pi-4"), ["NEON"], 4);

        Assert.Equal("Raspberry Pi 4 Model B Rev 1.4 (Cortex-A72)", cpu.Model);
        Assert.Equal(1800, cpu.ListedMhz);
        Assert.Equal(16, cpu.FlopsPerCycle);
        Assert.Equal(48.686, CpuSensors.TemperatureC(Machines.Files("raspberry-pi-4")));
        Assert.Empty(PciScanner.Scan(Machines.Files("raspberry-pi-4")));
    }

    [Fact]
    public void Cpufreq_maximum_wins_over_the_current_mhz_of_cpuinfo()
    {
        var cpu = CpuInventory.Read(Machines.Files("nvidia-no-driver"), Avx2, 2);

        Assert.Equal(3700, cpu.ListedMhz);
        Assert.False(cpu.Hypervisor);
    }

    [Fact]
    public void Peak_is_cores_times_clock_times_flops_per_cycle_and_prefers_the_measured_clock()
    {
        var cpu = new CpuInfo("x", 2, 2, 2200, ["AVX-512F", "FMA"], true);

        var peak = CpuPeak.Estimate(cpu, 3800);

        Assert.Equal(2 * 3.8 * 64, peak!.Value.Gflops, 6);
        Assert.Contains("measured", peak.Value.Source, StringComparison.Ordinal);
        Assert.Null(CpuPeak.Estimate(cpu with { ListedMhz = null }, null));
    }

    [Fact]
    public void A_qemu_vm_is_recognised_and_has_no_container_or_limits()
    {
        var host = HostInventory.Read(Machines.Files("vm-no-sensors"), new FakeEnvironment(), cpuHypervisorFlag: true);

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", host.Os);
        Assert.Equal("6.1.0-25-cloud-amd64", host.Kernel);
        Assert.Equal("QEMU", host.Virtualization);
        Assert.Null(host.Container);
        Assert.Null(host.CgroupCpuLimit);
        Assert.Null(host.CgroupMemoryLimitBytes);
        Assert.Equal(16384000L * 1024, host.MemoryTotalBytes);
        Assert.Equal(12000000L * 1024, host.MemoryAvailableBytes);
    }

    [Fact]
    public void A_docker_container_and_its_cgroup_limits_are_recognised()
    {
        var host = HostInventory.Read(Machines.Files("nvidia-h100-docker"), new FakeEnvironment(), cpuHypervisorFlag: false);

        Assert.Equal("docker", host.Container);
        Assert.Equal(8, host.CgroupCpuLimit);
        Assert.Equal(64L << 30, host.CgroupMemoryLimitBytes);
        Assert.Null(host.Virtualization);
    }

    [Fact]
    public void Kubernetes_is_recognised_from_its_environment()
    {
        var host = HostInventory.Read(Machines.Files("vm-no-sensors"), new FakeEnvironment(("KUBERNETES_SERVICE_HOST", "10.0.0.1")), true);

        Assert.Equal("kubernetes", host.Container);
    }

    [Fact]
    public void An_nvidia_card_without_a_driver_is_listed_from_the_pci_bus_with_no_driver()
    {
        var devices = PciScanner.Scan(Machines.Files("nvidia-no-driver"));

        var nvidia = Assert.Single(devices, d => d.VendorId == 0x10de);
        Assert.Equal("0000:41:00.0", nvidia.Address);
        Assert.Equal(0x20b0, nvidia.DeviceId);
        Assert.Null(nvidia.Driver);
        Assert.True(nvidia.IsComputeGpu);
        var bmc = Assert.Single(devices, d => d.VendorId == 0x1a03);
        Assert.Equal("ast", bmc.Driver);
        Assert.False(bmc.IsComputeGpu);
    }

    [Fact]
    public void Network_cards_are_not_listed_and_an_emulated_display_is_not_a_gpu()
    {
        var devices = PciScanner.Scan(Machines.Files("vm-no-sensors"));

        var display = Assert.Single(devices);
        Assert.Equal("bochs-drm", display.Driver);
        Assert.Equal("virtual", display.Vendor);
        Assert.False(display.IsComputeGpu);
    }

    [Fact]
    public void An_amd_card_is_read_from_sysfs_with_its_sensors()
    {
        var gpu = Assert.Single(AmdSysfs.Read(Machines.Files("amd-card")));

        Assert.Equal("AMD Instinct MI210", gpu.Name);
        Assert.Equal("0000:03:00.0", gpu.PciAddress);
        Assert.Equal(68702699520, gpu.VramTotalBytes);
        Assert.Equal(3, gpu.BusyPercent);
        Assert.Equal(38, gpu.TemperatureC);
        Assert.Equal(42, gpu.PowerWatts);
    }

    [Fact]
    public void Cpu_sensors_are_read_where_exposed_and_null_where_not()
    {
        Assert.Equal(45.25, CpuSensors.TemperatureC(Machines.Files("nvidia-no-driver")));
        Assert.Equal(123456789, CpuSensors.EnergyMicrojoules(Machines.Files("nvidia-no-driver")));
        Assert.Null(CpuSensors.TemperatureC(Machines.Files("vm-no-sensors")));
        Assert.Null(CpuSensors.EnergyMicrojoules(Machines.Files("vm-no-sensors")));
    }
}
