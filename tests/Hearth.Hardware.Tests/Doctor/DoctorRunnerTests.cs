using Hearth.Hardware.Doctor;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.Ai;
using Hearth.Hardware.Pci;
using Hearth.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Hearth.Hardware.Tests.Doctor;

/// <summary>The whole doctor on recorded machines: real CPU proof, recorded NVML, accelerators and ONNX Runtime answers.</summary>
public sealed class DoctorRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    private static DoctorReport Run(Machine machine) =>
        new DoctorRunner(machine, new FakeTimeProvider(Now)).Run(Machines.QuickOptions, CancellationToken.None);

    private static Check CheckOf(DoctorReport report, string id) => Assert.Single(report.Checks, c => c.Id == id);

    [Fact]
    public void A_vm_without_sensors_has_a_working_cpu_sensors_not_exposed_and_no_gpu()
    {
        var report = Run(Machines.From("vm-no-sensors"));

        var cpu = Assert.Single(report.Devices);
        Assert.Equal(Status.Pass, cpu.Status);
        Assert.True(cpu.Gemm!.Gflops > 0);
        Assert.True(cpu.Gemm.Valid);
        Assert.Equal("not exposed", cpu.Sensors.Single(s => s.Name == "temperature").Text);
        Assert.Null(cpu.Sensors.Single(s => s.Name == "power").Value);
        Assert.Equal(2294.608, cpu.Sensors.Single(s => s.Name == "clock").Value);
        Assert.Equal(Status.Info, CheckOf(report, "pci.gpu-driver").Status);
        Assert.Contains("no GPU on the PCI bus (only a virtual display controller)", CheckOf(report, "pci.gpu-driver").Finding,
            StringComparison.Ordinal);
        Assert.StartsWith("not exposed (usual in virtual machines): cpu temperature, cpu power", CheckOf(report, "sensors").Finding,
            StringComparison.Ordinal);
        Assert.Equal("QEMU", report.Inventory.Host.Virtualization);
        Assert.StartsWith("the CPU (Intel Xeon Processor (Cascadelake), 4 cores, AVX2) via ONNX Runtime CPU", report.AiRunsOn,
            StringComparison.Ordinal);
        Assert.True(report.Healthy(expectGpu: false));
        Assert.False(report.Healthy(expectGpu: true));
        Assert.Equal(Now, report.GeneratedAt);
    }

    [Fact]
    public void An_nvidia_card_with_no_driver_is_present_and_not_working_with_the_fix_in_words()
    {
        var report = Run(Machines.From("nvidia-no-driver"));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal(Status.Fail, gpu.Status);
        Assert.Contains("no driver is bound", gpu.Verdict, StringComparison.Ordinal);
        var bus = CheckOf(report, "pci.gpu-driver");
        Assert.Equal(Status.Fail, bus.Status);
        Assert.Contains("0000:41:00.0", bus.Finding, StringComparison.Ordinal);
        Assert.Contains("install the NVIDIA driver", bus.Fix, StringComparison.Ordinal);
        Assert.Equal(Status.Fail, CheckOf(report, "nvml").Status);
        Assert.Equal(Status.Fail, CheckOf(report, "onnxruntime.cuda").Status);
        Assert.Equal(45.25, report.Devices[0].Sensors.Single(s => s.Name == "temperature").Value);
        Assert.False(report.Healthy(expectGpu: false));
        Assert.Contains("the NVIDIA GPU is present but not working", report.AiRunsOn, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amd_card_no_runtime_reaches_fails_and_says_to_install_rocm_opencl()
    {
        var report = Run(Machines.From("amd-card"));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal("AMD Instinct MI210", gpu.Name);
        Assert.Equal(Status.Fail, gpu.Status);
        Assert.Contains("rocm-opencl-runtime", gpu.Verdict, StringComparison.Ordinal);
        Assert.Equal(38, gpu.Sensors.Single(s => s.Name == "temperature").Value);
        Assert.Equal(22_600, gpu.PeakGflops);
        Assert.Equal(Status.Pass, CheckOf(report, "pci.gpu-driver").Status);
        Assert.False(report.Healthy(false));
    }

    [Fact]
    public void An_amd_card_reached_through_opencl_is_proved_by_a_gemm_on_that_device()
    {
        var openCl = new ComputeAccelerator(1, "OpenCL", "gfx90a:sramecc+:xnack-", 64L << 30, null);
        var compute = new FakeCompute(openCl) { Result = new(2048, 15_000, 0.001, 1e-7, "ILGPU tiled kernel") };

        var report = Run(Machines.From("amd-card", compute: compute));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.True(gpu.Works);
        Assert.Equal(openCl, Assert.Single(compute.Ran));
        Assert.True(report.Healthy(expectGpu: true));
    }

    [Fact]
    public void A_gpu_that_stays_idle_during_the_proof_run_is_not_working_even_though_the_result_is_correct()
    {
        var nvml = FakeNvml.WithGpus(13000, FakeNvml.H100());
        var compute = new FakeCompute(FakeCompute.Cuda()); // computes, but never heats the GPU

        var report = Run(Machines.From("nvidia-h100-docker", nvml, compute));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal("gpu0", gpu.Id);
        Assert.Equal(Status.Fail, gpu.Status);
        Assert.Contains("stayed cold", gpu.Verdict, StringComparison.Ordinal);
        Assert.False(report.Healthy(false));
    }

    [Fact]
    public void A_busy_gpu_passes_and_the_ai_line_says_onnx_runtime_does_not_use_it()
    {
        var busy = new FakeNvml(new(true, null, "580.82.07", 13000), FakeNvml.H100()) { BusyPid = Machines.Pid };
        var compute = new FakeCompute(FakeCompute.Cuda()) { Heats = busy };

        var report = Run(Machines.From("nvidia-h100-docker", busy, compute, libraries: new FakeLibraries("libcuda.so.1")));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal(Status.Pass, gpu.Status);
        Assert.Equal(66_900, gpu.PeakGflops);
        Assert.Equal(48_000 / 66_900.0 * 100, gpu.PercentOfPeak!.Value, 6);
        Assert.Equal(100, gpu.Sensors.Single(s => s.Name == "utilisation").Value);
        Assert.True(report.Healthy(expectGpu: true));
        Assert.Equal(Status.Fail, CheckOf(report, "onnxruntime.cuda").Status);
        Assert.Contains("libcublasLt.so.13", CheckOf(report, "onnxruntime.cuda").Finding, StringComparison.Ordinal);
        Assert.Equal(Status.Fail, CheckOf(report, "cuda.libraries").Status);
        Assert.Equal(Status.Pass, CheckOf(report, "container.gpu-passthrough").Status);
        Assert.Contains("H100 80GB HBM3 works but ONNX Runtime does not use it", report.AiRunsOn, StringComparison.Ordinal);
    }

    [Fact]
    public void When_cuda_runs_the_model_the_ai_line_names_the_gpu()
    {
        var busy = new FakeNvml(new(true, null, "580.82.07", 13000), FakeNvml.H100()) { BusyPid = Machines.Pid };
        var ai = new FakeAi { CudaRun = new EmbeddingRun(ExecutionProviders.Cuda, true, 9000, "ok") };

        var report = Run(Machines.From("nvidia-h100-docker", busy, new FakeCompute(FakeCompute.Cuda()) { Heats = busy }, ai: ai));

        Assert.Equal("NVIDIA H100 80GB HBM3 via ONNX Runtime CUDA (9,000 sentences/s)", report.AiRunsOn);
        Assert.Equal(Status.Pass, CheckOf(report, "onnxruntime.cuda").Status);
    }

    [Fact]
    public void An_empty_cuda_visible_devices_hiding_the_gpu_is_named_with_the_fix()
    {
        var nvml = FakeNvml.WithGpus(13000, FakeNvml.H100());
        var hidden = new FakeCompute(new ComputeAccelerator(0, "CPU", "CPUAccelerator", null, null)); // CUDA sees nothing

        var report = Run(Machines.From("nvidia-h100-docker", nvml, hidden, new FakeEnvironment(("CUDA_VISIBLE_DEVICES", ""))));

        var visibility = CheckOf(report, "env.cuda-visible-devices");
        Assert.Equal(Status.Fail, visibility.Status);
        Assert.Equal("NVML found 1 GPU(s) but CUDA_VISIBLE_DEVICES='' hides all of them from CUDA", visibility.Finding);
        Assert.StartsWith("unset CUDA_VISIBLE_DEVICES", visibility.Fix, StringComparison.Ordinal);
        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal(Status.Fail, gpu.Status);
        Assert.Contains("CUDA cannot open it", gpu.Verdict, StringComparison.Ordinal);
        Assert.Equal(Status.Fail, CheckOf(report, "ilgpu.accelerators").Status);
    }

    [Fact]
    public void Cuda_visible_devices_showing_one_of_two_gpus_is_a_warning()
    {
        var nvml = FakeNvml.WithGpus(13000, FakeNvml.H100(0), FakeNvml.H100(1, "00000000:2A:00.0"));

        var report = Run(Machines.From("vm-no-sensors", nvml, new FakeCompute(), new FakeEnvironment(("CUDA_VISIBLE_DEVICES", "1"))));

        var visibility = CheckOf(report, "env.cuda-visible-devices");
        Assert.Equal(Status.Warn, visibility.Status);
        Assert.Contains("shows 1 of 2 GPUs", visibility.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_a_container_whose_nvml_lists_host_pids_a_working_gpu_passes()
    {
        // NVML names the doctor by its host PID, which has no /proc entry here.
        var busy = new FakeNvml(new(true, null, "580.82.07", 13000), FakeNvml.H100()) { BusyPid = 2_000_000_000 };
        var compute = new FakeCompute(FakeCompute.Cuda()) { Heats = busy };

        var report = Run(Machines.From("nvidia-h100-docker", busy, compute));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal(Status.Pass, gpu.Status);
        Assert.Contains("under a PID this container cannot see", gpu.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_with_only_libcuda_so_1_is_told_to_link_the_name_ilgpu_loads()
    {
        var nvml = FakeNvml.WithGpus(13000, FakeNvml.H100());
        var libraries = new FakeLibraries("libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcudnn.so.9");

        var report = Run(Machines.From("nvidia-h100-docker", nvml, new FakeCompute(), libraries: libraries));

        Assert.Contains("only libcuda.so.1 is here: link it", CheckOf(report, "ilgpu.accelerators").Fix, StringComparison.Ordinal);
        var cudaLibraries = CheckOf(report, "cuda.libraries");
        Assert.Equal(Status.Fail, cudaLibraries.Status);
        Assert.Contains("cuRAND (libcurand): missing", cudaLibraries.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_gpus_that_differ_only_by_pci_domain_are_told_apart()
    {
        // Two GH200-like GPUs at 0009:01:00.0 and 0019:01:00.0; CUDA sees only the second.
        var busy = new FakeNvml(new(true, null, "580.82.07", 13000), FakeNvml.H100(0, "00000009:01:00.0"), FakeNvml.H100(1, "00000019:01:00.0"))
        {
            BusyPid = Machines.Pid,
        };
        var compute = new FakeCompute(FakeCompute.Cuda(0, "0019:01:00.0")) { Heats = busy };

        var report = Run(Machines.From("vm-no-sensors", busy, compute));

        var gpus = report.Devices.Where(d => d.Kind == "gpu").ToDictionary(d => d.Id);
        Assert.Equal(Status.Fail, gpus["gpu0"].Status);
        Assert.Contains("CUDA cannot open it", gpus["gpu0"].Verdict, StringComparison.Ordinal);
        Assert.Equal(Status.Pass, gpus["gpu1"].Status);
        Assert.True(PciAddress.Same("00000009:01:00.0", "0009:01:00.0"));
        Assert.False(PciAddress.Same("00000009:01:00.0", "0019:01:00.0"));
        Assert.True(PciAddress.Same("01:00.0", "0000:01:00.0"));
    }

    [Fact]
    public void A_driver_too_old_for_cuda_13_is_named_with_the_driver_to_install()
    {
        var report = Run(Machines.From("nvidia-h100-docker", FakeNvml.WithGpus(12040, FakeNvml.H100()), new FakeCompute(FakeCompute.Cuda())));

        var check = CheckOf(report, "cuda.driver-version");
        Assert.Equal(Status.Fail, check.Status);
        Assert.Contains("supports only CUDA 12.4", check.Finding, StringComparison.Ordinal);
        Assert.Contains("release 580 or newer", check.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Nvml_failing_to_initialise_while_a_gpu_is_on_the_bus_is_a_failure_that_quotes_nvml()
    {
        var report = Run(Machines.From("nvidia-h100-docker", FakeNvml.Failing("nvmlInit failed: Driver/library version mismatch")));

        var check = CheckOf(report, "nvml");
        Assert.Equal(Status.Fail, check.Status);
        Assert.Contains("Driver/library version mismatch", check.Finding, StringComparison.Ordinal);
        Assert.False(report.Healthy(false));
    }

    [Fact]
    public void A_gpu_cuda_reaches_while_nvml_is_broken_is_proved_by_its_product_with_a_warning()
    {
        var compute = new FakeCompute(FakeCompute.Cuda());

        var report = Run(Machines.From("nvidia-h100-docker", FakeNvml.Failing("nvmlInit failed: Driver/library version mismatch"), compute));

        var gpu = Assert.Single(report.Devices, d => d.Kind == "gpu");
        Assert.Equal("cuda0", gpu.Id);
        Assert.Equal(Status.Warn, gpu.Status);
        Assert.Contains("NVML is not available to confirm", gpu.Verdict, StringComparison.Ordinal);
        Assert.Equal(Status.Fail, CheckOf(report, "nvml").Status);
        Assert.True(report.Healthy(expectGpu: true));
    }

    [Fact]
    public void A_pending_row_remapping_fails_and_ecc_errors_warn()
    {
        var pending = FakeNvml.H100() with { PendingRemappedRows = 1 };
        var ecc = FakeNvml.H100() with { UncorrectedEccErrors = 3 };

        var failing = CheckOf(Run(Machines.From("nvidia-h100-docker", FakeNvml.WithGpus(13000, pending), new FakeCompute(FakeCompute.Cuda()))),
            "nvidia.memory-health");
        var warning = CheckOf(Run(Machines.From("nvidia-h100-docker", FakeNvml.WithGpus(13000, ecc), new FakeCompute(FakeCompute.Cuda()))),
            "nvidia.memory-health");
        var healthy = CheckOf(Run(Machines.From("nvidia-h100-docker", FakeNvml.WithGpus(13000, FakeNvml.H100()),
            new FakeCompute(FakeCompute.Cuda()))), "nvidia.memory-health");

        Assert.Equal(Status.Fail, failing.Status);
        Assert.Contains("nvidia-smi -r", failing.Fix, StringComparison.Ordinal);
        Assert.Equal(Status.Warn, warning.Status);
        Assert.Contains("3 uncorrected ECC errors", warning.Finding, StringComparison.Ordinal);
        Assert.Equal(Status.Pass, healthy.Status);
    }

    [Fact]
    public void A_container_without_the_gpu_device_files_is_told_to_use_gpus_all()
    {
        var report = Run(Machines.From("nvidia-no-driver", environment: new FakeEnvironment(("container", "podman"))));

        var check = CheckOf(report, "container.gpu-passthrough");
        Assert.Equal(Status.Fail, check.Status);
        Assert.Contains("--gpus all", check.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void All_cuda_libraries_present_pass_and_each_one_is_named()
    {
        var libraries = new FakeLibraries("libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcudnn.so.9",
            "libcurand.so.10");

        var report = Run(Machines.From("nvidia-h100-docker", FakeNvml.WithGpus(13000, FakeNvml.H100()), new FakeCompute(FakeCompute.Cuda()),
            libraries: libraries));

        var check = CheckOf(report, "cuda.libraries");
        Assert.Equal(Status.Pass, check.Status);
        Assert.Contains("cuDNN (libcudnn): libcudnn.so.9", check.Finding, StringComparison.Ordinal);
        Assert.Contains("cuRAND (libcurand): libcurand.so.10", check.Finding, StringComparison.Ordinal);
    }
}
