using Hearth.Hardware.Cpu;
using Hearth.Hardware.Gpu;
using Hearth.Hardware.Kernels;
using Hearth.Hardware.Ai;

namespace Hearth.Hardware.Bench;

/// <summary>GEMM sweep, STREAM triad and embedding throughput on every device, with % of peak and CPU-vs-GPU speedups.</summary>
public sealed class BenchRunner(Machine machine, TimeProvider time)
{
    public BenchResult Run(BenchOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var cpuInfo = CpuInventory.Read(machine.Files, machine.InstructionSets, machine.LogicalCores);
        var cpuPeak = CpuPeak.Estimate(cpuInfo, ClockEstimator.MeasureMhz());
        var devices = new List<BenchDevice> { new("cpu", cpuInfo.Model, cpuPeak?.Gflops, null, cpuPeak?.Source) };
        var figures = new List<BenchFigure>();
        var notes = new List<string>();

        foreach (var n in options.GemmSizes)
        {
            progress?.Report($"CPU SGEMM N={n}");
            var gemm = CpuGemm.Measure(n, 5, cancellationToken);
            figures.Add(Gemm("cpu", gemm, cpuPeak?.Gflops));
        }

        progress?.Report("CPU STREAM triad");
        figures.Add(new("cpu", "triad", 0, CpuTriad.Measure(options.CpuTriadElements, 5, cancellationToken), "GB/s", null,
            "C# SIMD (TensorPrimitives)"));

        var (accelerators, error) = machine.Compute.Enumerate();
        var gpus = accelerators.Where(a => a.Type is "Cuda" or "OpenCL").ToList();
        if (gpus.Count == 0)
        {
            notes.Add($"no GPU reachable through CUDA or OpenCL{(error is null ? "" : $" ({error})")}: GPU figures and CPU-vs-GPU speedups not "
                + $"measured; 'hearth doctor' says why");
        }

        for (var g = 0; g < gpus.Count; g++)
        {
            var gpu = gpus[g];
            var id = $"gpu{g}";
            var peak = GpuPeaks.For(gpu.Name);
            devices.Add(new(id, gpu.Name, peak?.Fp32Gflops, peak?.BandwidthGBs, peak?.Source));
            foreach (var n in options.GemmSizes.Append(8192).Distinct())
            {
                progress?.Report($"{gpu.Name} SGEMM N={n}");
                if (Attempt(notes, $"{id} SGEMM N={n}", () =>
                    machine.Compute.Gemm(gpu, n, TimeSpan.FromSeconds(0.3), cancellationToken)) is not { } gemm)
                {
                    continue;
                }

                figures.Add(Gemm(id, gemm, peak?.Fp32Gflops));
                if (figures.FirstOrDefault(f => f.Device == "cpu" && f.Metric == "sgemm" && f.Size == n) is { } cpu)
                {
                    figures.Add(new(id, "speedup", n, gemm.Gflops / cpu.Value, "×", null, "vs CPU SGEMM"));
                }
            }

            progress?.Report($"{gpu.Name} STREAM triad");
            if (Attempt(notes, $"{id} STREAM triad", () => (double?)machine.Compute.TriadBandwidth(gpu, options.GpuTriadElements)) is { } bandwidth)
            {
                figures.Add(new(id, "triad", 0, bandwidth, "GB/s", peak is { } p ? 100 * bandwidth / p.BandwidthGBs : null, "ILGPU triad kernel"));
            }
        }

        if (options.RunAi)
        {
            float[][]? reference = null;
            foreach (var provider in machine.Ai.ListedProviders().OrderBy(p => p != ExecutionProviders.Cpu))
            {
                progress?.Report($"MiniLM embeddings on {provider}");
                var (run, vectors) = machine.Ai.Embed(provider, reference, cancellationToken);
                reference ??= vectors;
                if (run.Works)
                {
                    figures.Add(new(provider == ExecutionProviders.Cpu ? "cpu" : "gpu0", "embeddings", 0, run.SentencesPerSecond ?? 0, "sentences/s",
                        null, $"ONNX Runtime {provider}"));
                }
                else
                {
                    notes.Add($"embeddings on {provider} not measured: {run.Detail}");
                }
            }
        }

        return new BenchResult(started, Environment.MachineName, devices, figures, notes);
    }

    /// <summary>A GPU measurement that fails (out of memory at N=8192 on a small card…) becomes a note; the others go on.</summary>
    private static T? Attempt<T>(List<string> notes, string what, Func<T?> measure)
    {
        try
        {
            return measure();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notes.Add($"{what} failed: {e.Message}");
            return default;
        }
    }

    private static BenchFigure Gemm(string device, GemmMeasurement gemm, double? peak)
    {
        if (!gemm.Valid)
        {
            throw new InvalidOperationException($"SGEMM N={gemm.Size} on {device} computed wrong results (relative error {gemm.MaxError:E1}); "
                + $"run 'hearth doctor'.");
        }

        return new(device, "sgemm", gemm.Size, gemm.Gflops, "GFLOPS", peak is > 0 ? 100 * gemm.Gflops / peak : null, gemm.Engine);
    }
}
