using System.Diagnostics;
using System.Text.Json;

namespace Hearth.Cli.Tests;

/// <summary>
/// The real doctor and its real NVML P/Invoke layer against a stand-in libnvidia-ml.so.1 (FakeNvml/fake_nvml.c,
/// built here with the C compiler test.sh installs) describing an H200 that CUDA cannot open.
/// </summary>
public sealed class FakeNvmlEndToEndTests : IDisposable
{
    private readonly string libraryDirectory = Directory.CreateTempSubdirectory("hearth-fake-nvml-").FullName;

    [Fact]
    public void Doctor_reads_an_nvidia_gpu_through_nvml_and_fails_it_when_cuda_cannot_open_it()
    {
        Compile();

        var result = Hearth.Run(new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = libraryDirectory }, "doctor", "--json", "--no-ai");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var nvml = root.GetProperty("inventory").GetProperty("nvml");
        Assert.True(nvml.GetProperty("loaded").GetBoolean());
        Assert.Equal("580.95.05", nvml.GetProperty("driverVersion").GetString());
        Assert.Equal("13.0", nvml.GetProperty("cudaVersionText").GetString());
        var gpu = root.GetProperty("inventory").GetProperty("nvidiaGpus").EnumerateArray().Single();
        Assert.Equal("NVIDIA H200", gpu.GetProperty("name").GetString());
        Assert.Equal("GPU-8c1f7a2e-0000-4000-8000-000000000200", gpu.GetProperty("uuid").GetString());
        Assert.Equal("00000000:19:00.0", gpu.GetProperty("pciBusId").GetString());
        Assert.Equal(150754820096, gpu.GetProperty("memoryTotalBytes").GetInt64());
        Assert.Equal(5, gpu.GetProperty("pcieGeneration").GetInt32());
        Assert.Equal(16, gpu.GetProperty("pcieWidth").GetInt32());
        Assert.Equal(700, gpu.GetProperty("powerLimitWatts").GetDouble());
        Assert.Equal("9.0", gpu.GetProperty("computeCapability").GetString());
        Assert.Equal(0, gpu.GetProperty("uncorrectedEccErrors").GetInt64());

        var device = root.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "gpu0");
        Assert.Equal("fail", device.GetProperty("status").GetString());
        Assert.Contains("CUDA cannot open it", device.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.Equal(66_900, device.GetProperty("peakGflops").GetDouble());
        var sensors = device.GetProperty("sensors").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!,
            s => s.GetProperty("value"));
        Assert.Equal(34, sensors["temperature"].GetDouble());
        Assert.Equal(76.543, sensors["power"].GetDouble(), 6);
        Assert.Equal(345, sensors["sm clock"].GetDouble());
        Assert.Equal(0, sensors["utilisation"].GetDouble());

        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal("pass", checks["nvml"].GetProperty("status").GetString());
        Assert.Equal("pass", checks["cuda.driver-version"].GetProperty("status").GetString());
        Assert.Equal("pass", checks["nvidia.memory-health"].GetProperty("status").GetString());
        Assert.Equal("fail", checks["cuda.libraries"].GetProperty("status").GetString());
        Assert.Equal("fail", checks["ilgpu.accelerators"].GetProperty("status").GetString());
    }

    [Fact]
    public void A_job_on_a_mig_instance_among_a_hundred_processes_is_found_and_counted_on_the_gpu()
    {
        Compile();
        var environment = new Dictionary<string, string>
        {
            ["LD_LIBRARY_PATH"] = libraryDirectory,
            ["FAKE_NVML_MIG"] = "1", // no utilisation; processes listed only on the instance, as for a non-root user
            ["FAKE_NVML_PROCESSES"] = "100", // the job comes 101st: past the first buffer of 64
        };

        var result = Hearth.Run(environment, "run", "--expect", "gpu", "--interval", "0.2", "--", "sleep", "2");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("gpu0 busy (not exposed), 1024 MiB held by this job", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("this job ran on gpu0 (NVIDIA H200) (judged by the memory it held", result.Stderr, StringComparison.Ordinal);
    }

    private static Process StartCompiler(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"no C compiler ({e.Message}): install gcc, as ./test.sh does", e);
        }
    }

    public void Dispose() => Directory.Delete(libraryDirectory, recursive: true);

    private void Compile()
    {
        var start = new ProcessStartInfo("cc", ["-shared", "-fPIC", "-O1", "-o", Path.Combine(libraryDirectory, "libnvidia-ml.so.1"),
            Path.Combine(AppContext.BaseDirectory, "FakeNvml", "fake_nvml.c")])
        {
            RedirectStandardError = true,
        };
        using var compiler = StartCompiler(start);
        var errors = compiler.StandardError.ReadToEnd();
        compiler.WaitForExit();
        Assert.True(compiler.ExitCode == 0, $"compiling the fake NVML failed: {errors}");
    }
}
