using System.Diagnostics;
using Hearth.Hardware.Amd;
using Hearth.Hardware.Cpu;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.Host;
using Hearth.Hardware.Kernels;
using Hearth.Hardware.Nvidia;
using Hearth.Hardware.Ai;
using Hearth.Hardware.Pci;

namespace Hearth.Hardware.Doctor;

/// <summary>Finds every device, proves with real work that each computes correctly, and explains what does not.</summary>
public sealed class DoctorRunner(Machine machine, TimeProvider time)
{
    public DoctorReport Run(DoctorOptions options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var inventory = TakeInventory(options);
        var cpu = ProveCpu(inventory, options, cancellationToken);
        var devices = new List<DeviceReport> { cpu };
        devices.AddRange(ProveNvidia(inventory, options, cpu.Gemm?.Gflops, cancellationToken));
        devices.AddRange(ProveOtherGpus(inventory, options, cpu.Gemm?.Gflops, cancellationToken));

        var runs = new List<EmbeddingRun>();
        EmbeddingRun? cudaRun = null;
        AiPlacement? placement = null;
        if (options.RunAi)
        {
            placement = Place(cancellationToken);
            var (cpuRun, reference) = machine.Ai.Embed(ExecutionProviders.Cpu, null, cancellationToken);
            runs.Add(cpuRun);
            foreach (var provider in inventory.OnnxProviders.Where(p => p != ExecutionProviders.Cpu))
            {
                var run = machine.Ai.Embed(provider, reference, cancellationToken).Run;
                runs.Add(run);
                cudaRun = provider == ExecutionProviders.Cuda ? run : cudaRun;
            }
        }

        var checks = EnvironmentChecks.Run(inventory, machine.Environment, machine.Libraries, machine.Files, cudaRun).ToList();
        checks.AddRange(devices.Select(d => new Check($"proof.{d.Id}", $"{d.Name} computes", d.Status, d.Verdict)));
        // The CUDA run already has its own layered check (onnxruntime.cuda).
        checks.AddRange(runs.Where(r => r != cudaRun).Select(r =>
            new Check($"ai.{r.Provider}", $"MiniLM on {r.Provider}", AiStatus(r, inventory), r.Detail)));
        checks.Add(Sensors(inventory, devices));
        return new DoctorReport(1, time.GetUtcNow(), inventory, devices, checks, runs, placement, AiRunsOn(inventory, devices, runs, placement),
            started.Elapsed.TotalSeconds);
    }

    /// <summary>Places the shared encoder (loading the model); a runtime that cannot load says so in its runs instead.</summary>
    private AiPlacement? Place(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return machine.Ai.Placement();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // the runs below report the same failure, provider by provider
        }
    }

    /// <summary>
    /// The layered checks alone (no proofs, no model run; well under a second): the likely reason a GPU
    /// was not used, in the doctor's words, or null when every check passes.
    /// </summary>
    public string? LikelyGpuProblem()
    {
        var inventory = TakeInventory(new DoctorOptions(MeasureClock: false, RunAi: false));
        var checks = EnvironmentChecks.Run(inventory, machine.Environment, machine.Libraries, machine.Files, null).ToList();
        if (checks.FirstOrDefault(c => c.Status == Status.Fail) is { } failing)
        {
            return failing.Fix is null ? failing.Finding : $"{failing.Finding} ({failing.Fix})";
        }

        return inventory.NvidiaPresent == 0 && !inventory.Pci.Any(p => p.IsComputeGpu)
            ? "this machine has no GPU ('hearth doctor' lists what it found)"
            : null;
    }

    private Inventory TakeInventory(DoctorOptions options)
    {
        var files = machine.Files;
        var cpu = CpuInventory.Read(files, machine.InstructionSets, machine.LogicalCores);
        var nvml = machine.Nvml.Initialize();
        var (accelerators, acceleratorError) = machine.Compute.Enumerate();
        return new Inventory(
            HostInventory.Read(files, machine.Environment, cpu.Hypervisor),
            cpu,
            options.MeasureClock ? ClockEstimator.MeasureMhz() : null,
            PciScanner.Scan(files),
            files.Exists("/sys/bus/pci/devices"),
            nvml,
            nvml.Loaded ? machine.Nvml.Devices() : [],
            AmdSysfs.Read(files),
            accelerators,
            acceleratorError,
            machine.Ai.Version(),
            machine.Ai.ListedProviders());
    }

    private DeviceReport ProveCpu(Inventory inventory, DoctorOptions options, CancellationToken cancellationToken)
    {
        var cpu = inventory.Cpu;
        var peak = CpuPeak.Estimate(cpu, inventory.MeasuredMhz);
        var energyBefore = CpuSensors.EnergyMicrojoules(machine.Files);
        var watch = Stopwatch.StartNew();
        var gemm = CpuGemm.Measure(options.CpuGemmSize, 3, cancellationToken);
        var energyAfter = CpuSensors.EnergyMicrojoules(machine.Files);
        double? watts = energyBefore is { } e0 && energyAfter is { } e1 && e1 > e0 ? (e1 - e0) / 1e6 / watch.Elapsed.TotalSeconds : null;
        var status = gemm.Valid ? Status.Pass : Status.Fail;
        var verdict = gemm.Valid
            ? $"{gemm.Gflops:N0} GFLOPS ({gemm.Engine}), correct (relative error {gemm.MaxError:E1})"
            : $"computed wrong results (relative error {gemm.MaxError:E1}): the CPU or its memory is faulty";
        return new DeviceReport("cpu", "cpu", Vendor(cpu.Model), cpu.Model, status, verdict, gemm, peak?.Gflops, peak?.Source,
        [
            new("temperature", CpuSensors.TemperatureC(machine.Files), "°C"),
            new("power", watts, "W"),
            new("clock", inventory.MeasuredMhz ?? cpu.ListedMhz, "MHz"),
        ]);
    }

    private IEnumerable<DeviceReport> ProveNvidia(Inventory inventory, DoctorOptions options, double? cpuGflops, CancellationToken cancellationToken)
    {
        var cuda = inventory.Accelerators.Where(a => a.Type == "Cuda").ToList();
        var proved = new HashSet<ComputeAccelerator>();
        for (var i = 0; i < inventory.NvidiaGpus.Count; i++)
        {
            var gpu = inventory.NvidiaGpus[i];
            var accelerator = cuda.FirstOrDefault(a => PciAddress.Same(a.PciBusId, gpu.PciBusId))
                ?? (cuda.Count == inventory.NvidiaGpus.Count ? cuda[i] : null);
            var peak = GpuPeaks.For(gpu.Name);
            if (accelerator is null)
            {
                yield return NvidiaReport(gpu, Status.Fail,
                    $"NVML sees it but CUDA cannot open it ({inventory.AcceleratorError ?? "hidden from CUDA"}); see the checks "
                        + $"below", null, peak, machine.Nvml.Sample(gpu.Index));
                continue;
            }

            proved.Add(accelerator);
            yield return ProveNvidiaGpu(gpu, accelerator, options, cpuGflops, peak, cancellationToken);
        }

        // GPUs on the bus that NVML does not list (no driver, NVML broken): CUDA may still reach them.
        foreach (var pci in inventory.Pci.Where(p => p.VendorId == 0x10de && !inventory.NvidiaGpus.Any(g => PciAddress.Same(g.PciBusId, p.Address))))
        {
            var accelerator = cuda.FirstOrDefault(a => !proved.Contains(a) && PciAddress.Same(a.PciBusId, pci.Address));
            if (accelerator is not null)
            {
                proved.Add(accelerator);
                yield return ProveWithoutNvml(accelerator, options, cpuGflops, cancellationToken);
                continue;
            }

            yield return new DeviceReport($"pci-{pci.Address}", "gpu", "NVIDIA", $"NVIDIA GPU {pci.Address} (device 0x{pci.DeviceId:x4})",
                Status.Fail,
                pci.Driver is null ? "on the PCI bus, but no driver is bound: it cannot compute"
                    : $"on the PCI bus with driver {pci.Driver}, but neither NVML nor CUDA can reach it",
                null, null, null, []);
        }

        // CUDA devices seen neither by NVML nor on the bus (no /sys in a container, NVML broken).
        foreach (var accelerator in cuda.Where(a => !proved.Contains(a)))
        {
            yield return ProveWithoutNvml(accelerator, options, cpuGflops, cancellationToken);
        }
    }

    /// <summary>A CUDA device NVML cannot watch: the product is checked, but nothing confirms the GPU did it.</summary>
    private DeviceReport ProveWithoutNvml(ComputeAccelerator accelerator, DoctorOptions options, double? cpuGflops,
        CancellationToken cancellationToken)
    {
        var peak = GpuPeaks.For(accelerator.Name);
        var id = $"cuda{accelerator.Index}";
        try
        {
            var gemm = machine.Compute.Gemm(accelerator, options.GpuGemmSize, TimeSpan.FromSeconds(options.GpuProofSeconds), cancellationToken);
            var (status, verdict) = GpuVerdict.Judge(gemm, null, cpuGflops);
            return new DeviceReport(id, "gpu", "NVIDIA", accelerator.Name, status, verdict, gemm, peak?.Fp32Gflops, peak?.Source, []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DeviceReport(id, "gpu", "NVIDIA", accelerator.Name, Status.Fail, $"the proof-of-work failed on the GPU: {e.Message}", null,
                peak?.Fp32Gflops, peak?.Source, []);
        }
    }

    private DeviceReport ProveNvidiaGpu(NvmlGpu gpu, ComputeAccelerator accelerator, DoctorOptions options, double? cpuGflops,
        (double Fp32Gflops, double BandwidthGBs, string Source)? peak, CancellationToken cancellationToken)
    {
        try
        {
            var (gemm, observation) = GpuObservation.Watch(machine.Nvml, gpu.Index, machine.ProcessId, TimeSpan.FromMilliseconds(50),
                () => machine.Compute.Gemm(accelerator, options.GpuGemmSize, TimeSpan.FromSeconds(options.GpuProofSeconds), cancellationToken));
            var (status, verdict) = GpuVerdict.Judge(gemm, observation, cpuGflops, gpu.PowerLimitWatts);
            return NvidiaReport(gpu, status, verdict, gemm, peak, observation.Peak);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return NvidiaReport(gpu, Status.Fail, $"the proof-of-work failed on the GPU: {e.Message}", null, peak, machine.Nvml.Sample(gpu.Index));
        }
    }

    private IEnumerable<DeviceReport> ProveOtherGpus(Inventory inventory, DoctorOptions options, double? cpuGflops,
        CancellationToken cancellationToken)
    {
        var openCl = inventory.Accelerators.Where(a => a.Type == "OpenCL").ToList();
        foreach (var pci in inventory.Pci.Where(p => p.IsComputeGpu && p.VendorId != 0x10de))
        {
            var amd = inventory.AmdGpus.FirstOrDefault(g => PciAddress.Same(g.PciAddress, pci.Address));
            var name = amd?.Name ?? $"{pci.Vendor} GPU {pci.Address} (device 0x{pci.DeviceId:x4})";
            var peak = GpuPeaks.For(name);
            var sensors = new List<SensorReading>
            {
                new("temperature", amd?.TemperatureC, "°C"),
                new("power", amd?.PowerWatts, "W"),
                new("utilisation", amd?.BusyPercent, "%"),
            };
            var accelerator = openCl.FirstOrDefault(a => a.Name.Contains(pci.Vendor, StringComparison.OrdinalIgnoreCase)
                || (pci.VendorId == 0x1002 && a.Name.Contains("gfx", StringComparison.OrdinalIgnoreCase)));
            if (accelerator is null)
            {
                var fix = pci.VendorId == 0x1002 ? "install ROCm's OpenCL runtime (rocm-opencl-runtime) so ILGPU can reach it"
                    : "install the vendor's OpenCL runtime";
                yield return new DeviceReport($"gpu-{pci.Address}", "gpu", pci.Vendor, name, Status.Fail,
                    $"present (driver {pci.Driver ?? "none"}) but no compute runtime reaches it: "
                        + $"{fix}", null, peak?.Fp32Gflops, peak?.Source, sensors);
                continue;
            }

            var gemm = machine.Compute.Gemm(accelerator, Math.Min(options.GpuGemmSize, 2048), TimeSpan.FromSeconds(options.GpuProofSeconds),
                cancellationToken);
            var (status, verdict) = GpuVerdict.Judge(gemm, null, cpuGflops);
            yield return new DeviceReport($"gpu-{pci.Address}", "gpu", pci.Vendor, name, status, verdict, gemm, peak?.Fp32Gflops, peak?.Source,
                sensors);
        }
    }

    private static DeviceReport NvidiaReport(NvmlGpu gpu, Status status, string verdict, GemmMeasurement? gemm,
        (double Fp32Gflops, double BandwidthGBs, string Source)? peak, NvmlSample? sample) =>
        new($"gpu{gpu.Index}", "gpu", "NVIDIA", gpu.Name, status, verdict, gemm, peak?.Fp32Gflops, peak?.Source,
        [
            new("temperature", sample?.TemperatureC, "°C"),
            new("power", sample?.PowerWatts, "W"),
            new("utilisation", sample?.GpuUtilizationPercent, "%"),
            new("sm clock", sample?.SmClockMhz, "MHz"),
            new("memory used", sample?.MemoryUsedBytes / (1024.0 * 1024), "MiB"),
            new("performance state (P0 = fastest)", sample?.PerformanceState, "P"),
        ]);

    private static Check Sensors(Inventory inventory, IReadOnlyList<DeviceReport> devices)
    {
        var hidden = devices.SelectMany(d => d.Sensors.Where(s => s.Value is null).Select(s => $"{d.Id} {s.Name}")).ToList();
        var where = inventory.Host.Virtualization is not null ? " (usual in virtual machines)" : "";
        return hidden.Count == 0
            ? new Check("sensors", "sensors readable", Status.Pass, "every sensor is exposed")
            : new Check("sensors", "sensors readable", Status.Info,
                $"not exposed{where}: {string.Join(", ", hidden)}; reported as \"not exposed\", never as 0");
    }

    /// <summary>The CPU provider must work; the others besides CUDA (TensorRT…) are optional extras.</summary>
    private static Status AiStatus(EmbeddingRun run, Inventory inventory) =>
        run.Works ? Status.Pass
        : run.Provider == ExecutionProviders.Cpu ? Status.Fail
        : inventory.NvidiaPresent == 0 ? Status.Info
        : Status.Warn;

    private static string AiRunsOn(Inventory inventory, IReadOnlyList<DeviceReport> devices, IReadOnlyList<EmbeddingRun> runs, AiPlacement? placement)
    {
        var line = RunsOn(inventory, devices, runs);
        return placement?.FallbackReason is { } fallback ? $"{line} ({fallback})" : line;
    }

    private static string RunsOn(Inventory inventory, IReadOnlyList<DeviceReport> devices, IReadOnlyList<EmbeddingRun> runs)
    {
        var cuda = runs.FirstOrDefault(r => r.Provider == ExecutionProviders.Cuda && r.Works);
        var cpuRun = runs.FirstOrDefault(r => r.Provider == ExecutionProviders.Cpu && r.Works);
        var workingGpu = devices.FirstOrDefault(d => d.Kind == "gpu" && d.Works);
        if (cuda is not null)
        {
            return $"{workingGpu?.Name ?? "the NVIDIA GPU"} via ONNX Runtime CUDA ({cuda.SentencesPerSecond:N0} sentences/s)";
        }

        var cpuText = $"the CPU ({inventory.Cpu.Model}, {inventory.Cpu.LogicalCores} cores, {inventory.Cpu.Widest})";
        if (cpuRun is null)
        {
            return runs.Count == 0 ? "not checked (--no-ai)" : "nothing: ONNX Runtime could not run the model on any provider";
        }

        var line = $"{cpuText} via ONNX Runtime CPU ({cpuRun.SentencesPerSecond:N0} sentences/s)";
        return workingGpu is not null
            ? $"{line}; {workingGpu.Name} works but ONNX Runtime does not use it (see onnxruntime.cuda)"
            : inventory.NvidiaPresent > 0 ? $"{line}; the NVIDIA GPU is present but not working (see the checks)" : line;
    }

    private static string Vendor(string model) =>
        model.Contains("Intel", StringComparison.OrdinalIgnoreCase) ? "Intel"
        : model.Contains("AMD", StringComparison.OrdinalIgnoreCase) ? "AMD"
        : model.Contains("ARM", StringComparison.OrdinalIgnoreCase) || model.Contains("Neoverse", StringComparison.OrdinalIgnoreCase) ? "Arm"
        : "unknown";
}
