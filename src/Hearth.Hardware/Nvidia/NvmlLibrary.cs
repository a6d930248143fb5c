using System.Runtime.InteropServices;
using System.Text;
using static Hearth.Hardware.Nvidia.NvmlInterop;

namespace Hearth.Hardware.Nvidia;

/// <summary>NVML through P/Invoke. Every call that the driver does not support reads as null ("not exposed").</summary>
public sealed unsafe class NvmlLibrary : INvml
{
    private readonly Lock gate = new();
    private NvmlStatus? status;
    private nint[] handles = [];

    public NvmlStatus Initialize()
    {
        lock (gate)
        {
            return status ??= Load();
        }
    }

    public IReadOnlyList<NvmlGpu> Devices()
    {
        if (!Initialize().Loaded)
        {
            return [];
        }

        return [.. handles.Select((h, i) => Describe(i, h))];
    }

    public NvmlSample Sample(int index)
    {
        var h = Handle(index);
        var util = Optional(() => (DeviceGetUtilizationRates(h, out var u), u));
        return new NvmlSample(
            (int?)util?.Gpu,
            (int?)util?.Memory,
            Optional(() => (DeviceGetClockInfo(h, 1, out var sm), (int)sm)), // 1 = NVML_CLOCK_SM
            Optional(() => (DeviceGetMemoryInfo(h, out var mem), (long)mem.Used)),
            Optional(() => (DeviceGetTemperature(h, 0, out var t), (double)t)), // 0 = NVML_TEMPERATURE_GPU
            Optional(() => (DeviceGetPowerUsage(h, out var mw), mw / 1000.0)),
            Optional(() => (DeviceGetTotalEnergyConsumption(h, out var mj), (long)mj)),
            Optional(() => (DeviceGetPerformanceState(h, out var p), p)),
            Optional(() => (DeviceGetCurrentClocksEventReasons(h, out var r), r))
                ?? Optional(() => (DeviceGetCurrentClocksThrottleReasons(h, out var r), r)));
    }

    /// <summary>
    /// On a GPU split into MIG instances, the parent's list needs privileges: each instance's list is read too.
    /// A list longer than the buffer is read again with the size NVML asks for.
    /// </summary>
    public IReadOnlyList<NvmlProcess> ComputeProcesses(int index)
    {
        var h = Handle(index);
        return [.. new[] { h }.Concat(MigDevices(h)).SelectMany(Processes).GroupBy(p => p.Pid)
            .Select(g => new NvmlProcess(g.Key, g.Any(p => p.UsedMemoryBytes is not null) ? g.Sum(p => p.UsedMemoryBytes ?? 0) : null))];
    }

    public IReadOnlyDictionary<int, int> ProcessUtilization(int index)
    {
        var h = Handle(index);
        return new[] { h }.Concat(MigDevices(h)).SelectMany(ProcessSamples).GroupBy(s => (int)s.Pid)
            .ToDictionary(g => g.Key, g => (int)g.Max(s => s.SmUtil));
    }

    private static IEnumerable<NvmlProcess> Processes(nint device)
    {
        var capacity = 64u;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var infos = new ProcessInfo[capacity];
            var count = capacity;
            int result;
            try
            {
                fixed (ProcessInfo* p = infos)
                {
                    result = DeviceGetComputeRunningProcesses(device, ref count, p);
                }
            }
            catch (EntryPointNotFoundException)
            {
                return [];
            }

            if (result == Success)
            {
                // NVML reports an unknown amount (e.g. without permission) as all ones.
                return infos.Take((int)count)
                    .Select(i => new NvmlProcess((int)i.Pid, i.UsedGpuMemory == ulong.MaxValue ? null : (long)i.UsedGpuMemory));
            }

            if (result != InsufficientSize)
            {
                return [];
            }

            capacity = Math.Max(count, capacity) * 2; // processes may start between the two calls
        }

        return [];
    }

    private static IEnumerable<ProcessUtilizationSample> ProcessSamples(nint device)
    {
        var samples = new ProcessUtilizationSample[256];
        var count = (uint)samples.Length;
        try
        {
            fixed (ProcessUtilizationSample* p = samples)
            {
                // Samples newer than 2 s ago: NVML keeps a ring of recent per-process readings.
                var since = (ulong)DateTimeOffset.UtcNow.AddSeconds(-2).ToUnixTimeMilliseconds() * 1000;
                if (DeviceGetProcessUtilization(device, p, ref count, since) != Success)
                {
                    return [];
                }
            }
        }
        catch (EntryPointNotFoundException)
        {
            return [];
        }

        return samples.Take((int)count);
    }

    /// <summary>The MIG instances of a GPU in MIG mode; none otherwise (or on drivers without MIG).</summary>
    private static IEnumerable<nint> MigDevices(nint device)
    {
        if (Optional(() => (DeviceGetMigMode(device, out var current, out _), current)) != MigEnabled
            || Optional(() => (DeviceGetMaxMigDeviceCount(device, out var count), count)) is not { } slots)
        {
            yield break;
        }

        for (uint i = 0; i < slots; i++)
        {
            if (DeviceGetMigDeviceHandleByIndex(device, i, out var mig) == Success)
            {
                yield return mig;
            }
        }
    }

    private NvmlStatus Load()
    {
        try
        {
            var init = Init();
            if (init != Success)
            {
                return new NvmlStatus(false, $"nvmlInit failed: {Error(init)}", null, null);
            }

            var driver = ReadString((buf, len) => SystemGetDriverVersion(buf, len));
            int? cuda = SystemGetCudaDriverVersion(out var v) == Success ? v : null;
            var countResult = DeviceGetCount(out var count);
            if (countResult != Success)
            {
                return new NvmlStatus(false, $"nvmlDeviceGetCount failed: {Error(countResult)}", driver, cuda);
            }

            var list = new List<nint>();
            for (uint i = 0; i < count; i++)
            {
                if (DeviceGetHandleByIndex(i, out var h) == Success)
                {
                    list.Add(h);
                }
            }

            handles = [.. list];
            return new NvmlStatus(true, null, driver, cuda);
        }
        catch (DllNotFoundException)
        {
            return new NvmlStatus(false, "libnvidia-ml.so.1 not found (the NVIDIA driver is not installed, or not passed into this container)", null,
                null);
        }
        catch (EntryPointNotFoundException e)
        {
            return new NvmlStatus(false, $"NVML is too old: {e.Message}", null, null);
        }
    }

    private static NvmlGpu Describe(int index, nint h) => new(
        index,
        ReadString((buf, len) => DeviceGetName(h, buf, len)) ?? $"NVIDIA GPU {index}",
        ReadString((buf, len) => DeviceGetUuid(h, buf, len)),
        Optional(() => (DeviceGetPciInfo(h, out var pci), pci)) is { } p ? BusId(p) : null,
        Optional(() => (DeviceGetMemoryInfo(h, out var mem), (long)mem.Total)),
        Optional(() => (DeviceGetCurrPcieLinkGeneration(h, out var gen), (int)gen)),
        Optional(() => (DeviceGetCurrPcieLinkWidth(h, out var width), (int)width)),
        Optional(() => (DeviceGetPowerManagementLimit(h, out var limit), limit / 1000.0)),
        Optional(() => (DeviceGetCudaComputeCapability(h, out var major, out var minor), major * 10 + minor)) is { } cc ? $"{cc / 10}.{cc % 10}"
            : null,
        Optional(() => (DeviceGetTotalEccErrors(h, 1, 1, out var ecc), (long)ecc)), // uncorrected, aggregate
        Optional(() => (DeviceGetRemappedRows(h, out _, out _, out var pending, out _), (int)pending)),
        Optional(() => (DeviceGetMigMode(h, out var mig, out _), mig)) == MigEnabled);

    private nint Handle(int index) =>
        Initialize().Loaded && index >= 0 && index < handles.Length
            ? handles[index]
            : throw new ArgumentOutOfRangeException(nameof(index), $"NVML has no GPU {index}.");

    /// <summary>Runs an NVML getter; an error or an entry point that an older driver lacks reads as null.</summary>
    private static T? Optional<T>(Func<(int Result, T Value)> call)
        where T : struct
    {
        try
        {
            var (result, value) = call();
            return result == Success ? value : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static string? ReadString(StringCall call)
    {
        var buffer = stackalloc byte[96];
        return call(buffer, 96) == Success ? Marshal.PtrToStringUTF8((nint)buffer) : null;
    }

    private static string BusId(PciInfo info) => Encoding.ASCII.GetString(info.BusId, 32).TrimEnd('\0');

    private static string Error(int result) => Marshal.PtrToStringUTF8(ErrorString(result)) ?? $"error {result}";

    private delegate int StringCall(byte* buffer, uint length);
}
