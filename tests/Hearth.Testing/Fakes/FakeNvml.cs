using Hearth.Hardware.Nvidia;

namespace Hearth.Testing.Fakes;

/// <summary>A recorded NVML: fixed devices, idle sensors, and busy sensors while <see cref="Busy"/> is set.</summary>
public sealed class FakeNvml(NvmlStatus status, params NvmlGpu[] gpus) : INvml, IDisposable
{
    public static readonly NvmlSample Idle = new(0, 0, 345, 512L << 20, 31, 72, 1_000_000, 0, 0x1);
    public static readonly NvmlSample Loaded = new(100, 38, 1980, 18L << 30, 52, 610, 1_000_500, 0, 0);

    private readonly SemaphoreSlim sampledWhileBusy = new(0);

    private volatile bool busy;

    /// <summary>While set, samples read busy and the process list holds <see cref="BusyPid"/>.</summary>
    public bool Busy
    {
        get => busy;
        set => busy = value;
    }

    /// <summary>The process NVML lists on the GPU while busy.</summary>
    public int BusyPid { get; init; }

    public NvmlSample BusySample { get; init; } = Loaded;

    public static FakeNvml Failing(string error) => new(new NvmlStatus(false, error, null, null));

    public static FakeNvml WithGpus(int cudaVersion, params NvmlGpu[] gpus) => new(new NvmlStatus(true, null, "580.82.07", cudaVersion), gpus);

    public static NvmlGpu H100(int index = 0, string bus = "00000000:1B:00.0") =>
        new(index, "NVIDIA H100 80GB HBM3", $"GPU-{index}", bus, 80L << 30, 5, 16, 700, "9.0", 0, 0);

    public NvmlStatus Initialize() => status;

    public IReadOnlyList<NvmlGpu> Devices() => gpus;

    public NvmlSample Sample(int index)
    {
        if (!Busy)
        {
            return Idle;
        }

        sampledWhileBusy.Release();
        return BusySample;
    }

    public IReadOnlyList<NvmlProcess> ComputeProcesses(int index) =>
        Busy ? [new NvmlProcess(BusyPid, 1L << 30)] : [];

    public IReadOnlyDictionary<int, int> ProcessUtilization(int index) =>
        Busy ? new Dictionary<int, int> { [BusyPid] = 97 } : new Dictionary<int, int>();

    public void Dispose() => sampledWhileBusy.Dispose();

    /// <summary>Blocks until the doctor's sampler has seen the GPU busy twice (an event, not a sleep).</summary>
    public void WaitUntilObserved()
    {
        if (!sampledWhileBusy.Wait(TimeSpan.FromSeconds(30)) || !sampledWhileBusy.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the sampler never looked at the busy GPU");
        }
    }
}
