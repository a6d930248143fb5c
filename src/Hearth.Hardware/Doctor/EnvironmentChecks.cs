using Hearth.Hardware.Ai;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Doctor;

/// <summary>
/// The layered checks, each able to fail on its own: bus → driver → NVML → visibility →
/// CUDA version → CUDA libraries → AI runtime → container. Each says what to do.
/// </summary>
public static class EnvironmentChecks
{
    /// <summary>CUDA version the driver must support for the bundled ONNX Runtime CUDA provider (1.31, built for CUDA 13).</summary>
    public const int RequiredCudaDriver = 13000;

    private static readonly (string Name, string[] Files, bool NeededByOnnx)[] CudaLibraries =
    [
        ("CUDA driver API (libcuda)", ["libcuda.so.1", "libcuda.so"], false),
        ("CUDA runtime (libcudart)", ["libcudart.so.13", "libcudart.so.12", "libcudart.so"], true),
        ("cuBLAS (libcublas)", ["libcublas.so.13", "libcublas.so.12", "libcublas.so"], true),
        ("cuBLASLt (libcublasLt)", ["libcublasLt.so.13", "libcublasLt.so.12", "libcublasLt.so"], true),
        ("cuDNN (libcudnn)", ["libcudnn.so.9", "libcudnn.so"], true),
        ("cuRAND (libcurand)", ["libcurand.so.10", "libcurand.so"], true),
    ];

    public static IEnumerable<Check> Run(Inventory inventory, IEnvironmentVariables environment, INativeLibraries libraries, ISystemFiles files,
        EmbeddingRun? cudaRun)
    {
        yield return PciBus(inventory);
        yield return Nvml(inventory, files);
        yield return Visibility(inventory, environment);
        if (inventory.Nvml.Loaded)
        {
            yield return DriverCuda(inventory);
        }

        if (inventory.NvidiaGpus.Count > 0)
        {
            yield return MemoryHealth(inventory);
        }

        yield return Libraries(inventory, libraries);
        yield return OnnxCuda(inventory, cudaRun);
        if (inventory.Host.Container is not null)
        {
            yield return Container(inventory, files);
        }

        yield return Accelerators(inventory, libraries);
    }

    private static Check PciBus(Inventory inventory)
    {
        const string Id = "pci.gpu-driver";
        const string Title = "GPU on the PCI bus has a driver";
        if (!inventory.PciVisible)
        {
            return new(Id, Title, Status.Info, "the PCI bus is not visible from here (/sys/bus/pci is missing, as in some containers)");
        }

        var gpus = inventory.Pci.Where(p => p.IsComputeGpu).ToList();
        if (gpus.Count == 0)
        {
            var others = inventory.Pci.Count == 0 ? ""
                : $" (only {string.Join(", ", inventory.Pci.Select(p => $"a {p.Vendor} display controller"))})";
            return new(Id, Title, Status.Info, $"no GPU on the PCI bus{others}");
        }

        var problems = new List<(string Finding, string Fix)>();
        foreach (var gpu in gpus)
        {
            switch (gpu.Driver)
            {
                case null:
                    problems.Add(($"{gpu.Vendor} GPU at {gpu.Address} is on the PCI bus but no kernel driver is bound to it",
                        gpu.VendorId == 0x10de ? "install the NVIDIA driver (Debian/Ubuntu: apt install nvidia-driver, or the CUDA repository's "
                            + "cuda-drivers) and reboot"
                        : gpu.VendorId == 0x1002 ? "load the amdgpu kernel module (modprobe amdgpu) or install ROCm"
                        : "install the vendor's GPU driver"));
                    break;
                case "nouveau":
                    problems.Add(($"NVIDIA GPU at {gpu.Address} runs the open-source nouveau driver, which cannot run CUDA",
                        "install NVIDIA's driver and blacklist nouveau"));
                    break;
                case "vfio-pci" or "pci-stub":
                    problems.Add(($"{gpu.Vendor} GPU at {gpu.Address} is bound to {gpu.Driver} (reserved for a virtual machine)",
                        "unbind it from vfio-pci if this host should use it"));
                    break;
            }
        }

        return problems.Count == 0
            ? new(Id, Title, Status.Pass, string.Join("; ", gpus.Select(g => $"{g.Vendor} GPU at {g.Address} uses {g.Driver}")))
            : new(Id, Title, Status.Fail, string.Join("; ", problems.Select(p => p.Finding)),
                string.Join("; ", problems.Select(p => p.Fix).Distinct()));
    }

    private static Check Nvml(Inventory inventory, ISystemFiles files)
    {
        const string Id = "nvml";
        const string Title = "NVIDIA management library (NVML)";
        var status = inventory.Nvml;
        if (status.Loaded)
        {
            return new(Id, Title, Status.Pass, $"driver {status.DriverVersion}, CUDA {status.CudaVersionText ?? "unknown"}, "
                + $"{inventory.NvidiaGpus.Count} GPU(s): {string.Join(", ", inventory.NvidiaGpus.Select(g => g.Name))}");
        }

        var expected = inventory.NvidiaOnBus > 0 || files.Exists("/dev/nvidia0");
        return expected
            ? new(Id, Title, Status.Fail, $"{inventory.NvidiaOnBus} NVIDIA GPU(s) present but NVML failed: {status.Error}",
                "install or repair the NVIDIA driver so that libnvidia-ml.so.1 loads (nvidia-smi must work); in a container, run it with the "
                    + "NVIDIA container toolkit (--gpus all)")
            : new(Id, Title, Status.Info, "no NVIDIA driver, and no NVIDIA GPU to drive");
    }

    private static Check Visibility(Inventory inventory, IEnvironmentVariables environment)
    {
        const string Id = "env.cuda-visible-devices";
        const string Title = "CUDA_VISIBLE_DEVICES leaves GPUs visible";
        var present = inventory.NvidiaPresent;
        foreach (var name in new[] { "CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES" })
        {
            var value = environment.Read(name);
            if (value is null)
            {
                continue;
            }

            var hidesAll = value.Trim() is "" or "-1" or "none" or "void" or "NoDevFiles";
            if (hidesAll)
            {
                return present > 0
                    ? new(Id, Title, Status.Fail, $"NVML found {present} GPU(s) but {name}='{value}' hides all of them from CUDA",
                        $"unset {name} (or list the GPUs to use, e.g. {name}=0)")
                    : new(Id, Title, Status.Warn, $"{name}='{value}' would hide every GPU", $"unset {name} once this machine has a GPU");
            }

            var listed = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Length;
            if (present > 0 && listed < present && name == "CUDA_VISIBLE_DEVICES")
            {
                return new(Id, Title, Status.Warn, $"{name}='{value}' shows {listed} of {present} GPUs to CUDA",
                    $"unset {name} to use all {present} GPUs");
            }
        }

        return new(Id, Title, present > 0 ? Status.Pass : Status.Info, "CUDA_VISIBLE_DEVICES is not hiding any GPU");
    }

    private static Check DriverCuda(Inventory inventory)
    {
        const string Id = "cuda.driver-version";
        const string Title = "driver supports the CUDA version the runtimes need";
        var version = inventory.Nvml.CudaDriverVersion;
        if (version is null)
        {
            return new(Id, Title, Status.Warn, "the driver did not report its CUDA version", "update the NVIDIA driver");
        }

        return version >= RequiredCudaDriver
            ? new(Id, Title, Status.Pass, $"driver {inventory.Nvml.DriverVersion} supports CUDA {inventory.Nvml.CudaVersionText} (≥ 13.0 needed "
                + $"by ONNX Runtime's CUDA provider)")
            : new(Id, Title, Status.Fail, $"driver {inventory.Nvml.DriverVersion} supports only CUDA {inventory.Nvml.CudaVersionText}; ONNX "
                + $"Runtime's CUDA provider needs CUDA 13.0", "update the NVIDIA driver to release 580 or newer");
    }

    private static Check MemoryHealth(Inventory inventory)
    {
        const string Id = "nvidia.memory-health";
        const string Title = "GPU memory is healthy (ECC, row remapping)";
        var pending = inventory.NvidiaGpus.Where(g => g.PendingRemappedRows > 0).ToList();
        if (pending.Count > 0)
        {
            return new(Id, Title, Status.Fail, $"{string.Join(", ", pending.Select(g => $"GPU {g.Index} ({g.Name})"))}: a memory row remapping "
                + $"is pending; until the GPU is reset it may return corrupt results",
                "stop the jobs on that GPU and reset it (nvidia-smi -r -i <index>) or reboot");
        }

        var ecc = inventory.NvidiaGpus.Where(g => g.UncorrectedEccErrors > 0).ToList();
        if (ecc.Count > 0)
        {
            var errors = ecc.Select(g => $"GPU {g.Index} ({g.Name}): {g.UncorrectedEccErrors} uncorrected ECC errors");
            return new(Id, Title, Status.Warn, string.Join(", ", errors),
                "watch the count (hearth doctor, nvidia-smi -q -d ECC); if it keeps growing, the GPU's memory is failing: ask for a replacement");
        }

        var unknown = inventory.NvidiaGpus.All(g => g.UncorrectedEccErrors is null && g.PendingRemappedRows is null);
        return new(Id, Title, unknown ? Status.Info : Status.Pass,
            unknown ? "ECC and row remapping are not exposed (consumer GPUs have no ECC)" : "no uncorrected ECC error, no pending row remapping");
    }

    private static Check Libraries(Inventory inventory, INativeLibraries libraries)
    {
        const string Id = "cuda.libraries";
        const string Title = "CUDA libraries load";
        var found = CudaLibraries.Select(l => (l.Name, l.NeededByOnnx, File: libraries.FirstLoadable(l.Files))).ToList();
        var missing = found.Where(f => f.File is null).ToList();
        var summary = string.Join(", ", found.Select(f => $"{f.Name}: {f.File ?? "missing"}"));
        if (inventory.NvidiaPresent == 0)
        {
            return new(Id, Title, Status.Info, $"no NVIDIA GPU; {summary}");
        }

        if (missing.Count == 0)
        {
            return new(Id, Title, Status.Pass, summary);
        }

        var driverMissing = missing.Any(m => !m.NeededByOnnx);
        return new(Id, Title, Status.Fail, $"not loadable: {string.Join(", ", missing.Select(m => m.Name))} ({summary})",
            driverMissing
                ? "libcuda.so.1 comes with the NVIDIA driver: reinstall it, or pass it into the container (--gpus all)"
                : "install CUDA 13 runtime libraries (cuda-runtime-13, libcublas-13, libcurand-13, cuDNN 9) and make them visible to the "
                    + "loader (ldconfig or LD_LIBRARY_PATH)");
    }

    private static Check OnnxCuda(Inventory inventory, EmbeddingRun? cudaRun)
    {
        const string Id = "onnxruntime.cuda";
        const string Title = "ONNX Runtime CUDA provider really runs";
        if (!inventory.OnnxProviders.Contains(ExecutionProviders.Cuda))
        {
            return new(Id, Title, inventory.NvidiaPresent > 0 ? Status.Fail : Status.Info,
                $"this ONNX Runtime build ({inventory.OnnxRuntimeVersion}) lists no CUDA provider",
                inventory.NvidiaPresent > 0 ? "use the Microsoft.ML.OnnxRuntime.Gpu.Linux package" : null);
        }

        if (cudaRun is { Works: true })
        {
            return new(Id, Title, Status.Pass, $"MiniLM ran on CUDA at {cudaRun.SentencesPerSecond:N0} sentences/s: {cudaRun.Detail}");
        }

        if (cudaRun is null)
        {
            return new(Id, Title, Status.Info, "listed; not tried (the model check was skipped)");
        }

        var why = cudaRun.Detail;
        return inventory.NvidiaPresent > 0
            ? new(Id, Title, Status.Fail, $"CUDA is listed but does not run the model: {why}",
                "install the CUDA 13 libraries named above (cuDNN 9 included) and check the cuda.libraries line")
            : new(Id, Title, Status.Info, $"listed (compiled in) but not usable without an NVIDIA GPU, as expected: {why}");
    }

    private static Check Container(Inventory inventory, ISystemFiles files)
    {
        const string Id = "container.gpu-passthrough";
        const string Title = "GPUs passed into the container";
        var runtime = inventory.Host.Container;
        if (inventory.NvidiaPresent > 0 && !files.Exists("/dev/nvidia0"))
        {
            return new(Id, Title, Status.Fail, $"running in {runtime}; the host's NVIDIA GPU is visible on the bus but /dev/nvidia0 is not in "
                + $"the container", "start the container with the NVIDIA container toolkit: docker run --gpus all … (Kubernetes: request "
                    + "nvidia.com/gpu)");
        }

        return inventory.NvidiaPresent > 0
            ? new(Id, Title, Status.Pass, $"running in {runtime} with the GPU device files passed in")
            : new(Id, Title, Status.Info, $"running in {runtime} with no GPU inside",
                "if the host has GPUs, pass them in: docker run --gpus all … (Kubernetes: request nvidia.com/gpu)");
    }

    private static Check Accelerators(Inventory inventory, INativeLibraries libraries)
    {
        const string Id = "ilgpu.accelerators";
        const string Title = "ILGPU accelerators";
        if (inventory.AcceleratorError is { } error)
        {
            return new(Id, Title, inventory.NvidiaPresent > 0 ? Status.Fail : Status.Warn, error, "check that libcuda.so.1 loads");
        }

        var list = string.Join(", ", inventory.Accelerators.Select(a => a.Type == "CPU" ? "CPU simulator (correctness only)" : $"{a.Type} {a.Name}"));
        var cuda = inventory.Accelerators.Count(a => a.Type == "Cuda");
        if (inventory.NvidiaPresent > cuda)
        {
            // ILGPU asks the loader for "libcuda.so", the name the driver's development files add; containers often have only libcuda.so.1.
            var onlySoname = libraries.FirstLoadable(["libcuda.so"]) is null && libraries.FirstLoadable(["libcuda.so.1"]) is not null;
            return new(Id, Title, Status.Fail, $"{inventory.NvidiaPresent} NVIDIA GPU(s) present but ILGPU opens {cuda} through CUDA: {list}",
                onlySoname
                    ? "ILGPU loads the CUDA driver as libcuda.so and only libcuda.so.1 is here: link it (ln -s libcuda.so.1 "
                        + "/usr/lib/x86_64-linux-gnu/libcuda.so, or where libcuda.so.1 lives) or install the driver's development package"
                    : "check CUDA_VISIBLE_DEVICES and that libcuda.so.1 matches the loaded driver");
        }

        return new(Id, Title, cuda > 0 ? Status.Pass : Status.Info, list);
    }
}
