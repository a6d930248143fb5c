using System.Runtime.InteropServices;

namespace Hearth.Hardware.Nvidia;

/// <summary>P/Invoke declarations for <c>libnvidia-ml.so.1</c> (NVML C API).</summary>
internal static unsafe partial class NvmlInterop
{
    private const string Library = "libnvidia-ml.so.1";

    public const int Success = 0;
    public const int InsufficientSize = 7;

    /// <summary>NVML_DEVICE_MIG_ENABLE: the GPU is split into MIG instances.</summary>
    public const uint MigEnabled = 1;

    [StructLayout(LayoutKind.Sequential)]
    public struct Memory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Utilization
    {
        public uint Gpu;
        public uint Memory;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PciInfo
    {
        public fixed byte BusIdLegacy[16];
        public uint Domain;
        public uint Bus;
        public uint Device;
        public uint PciDeviceId;
        public uint PciSubSystemId;
        public fixed byte BusId[32];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ProcessInfo
    {
        public uint Pid;
        public ulong UsedGpuMemory;
        public uint GpuInstanceId;
        public uint ComputeInstanceId;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ProcessUtilizationSample
    {
        public uint Pid;
        public ulong TimeStamp;
        public uint SmUtil;
        public uint MemUtil;
        public uint EncUtil;
        public uint DecUtil;
    }

    [LibraryImport(Library, EntryPoint = "nvmlInit_v2")]
    public static partial int Init();

    [LibraryImport(Library, EntryPoint = "nvmlErrorString")]
    public static partial nint ErrorString(int result);

    [LibraryImport(Library, EntryPoint = "nvmlSystemGetDriverVersion")]
    public static partial int SystemGetDriverVersion(byte* version, uint length);

    [LibraryImport(Library, EntryPoint = "nvmlSystemGetCudaDriverVersion_v2")]
    public static partial int SystemGetCudaDriverVersion(out int version);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCount_v2")]
    public static partial int DeviceGetCount(out uint count);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
    public static partial int DeviceGetHandleByIndex(uint index, out nint device);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetName")]
    public static partial int DeviceGetName(nint device, byte* name, uint length);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetUUID")]
    public static partial int DeviceGetUuid(nint device, byte* uuid, uint length);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetPciInfo_v3")]
    public static partial int DeviceGetPciInfo(nint device, out PciInfo pci);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetMemoryInfo")]
    public static partial int DeviceGetMemoryInfo(nint device, out Memory memory);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCurrPcieLinkGeneration")]
    public static partial int DeviceGetCurrPcieLinkGeneration(nint device, out uint generation);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCurrPcieLinkWidth")]
    public static partial int DeviceGetCurrPcieLinkWidth(nint device, out uint width);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetPowerManagementLimit")]
    public static partial int DeviceGetPowerManagementLimit(nint device, out uint milliwatts);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCudaComputeCapability")]
    public static partial int DeviceGetCudaComputeCapability(nint device, out int major, out int minor);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetTotalEccErrors")]
    public static partial int DeviceGetTotalEccErrors(nint device, int errorType, int counterType, out ulong count);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetRemappedRows")]
    public static partial int DeviceGetRemappedRows(nint device, out uint corrected, out uint uncorrected, out uint pending, out uint failure);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetUtilizationRates")]
    public static partial int DeviceGetUtilizationRates(nint device, out Utilization utilization);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetClockInfo")]
    public static partial int DeviceGetClockInfo(nint device, int clockType, out uint mhz);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetTemperature")]
    public static partial int DeviceGetTemperature(nint device, int sensor, out uint celsius);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetPowerUsage")]
    public static partial int DeviceGetPowerUsage(nint device, out uint milliwatts);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetTotalEnergyConsumption")]
    public static partial int DeviceGetTotalEnergyConsumption(nint device, out ulong millijoules);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetPerformanceState")]
    public static partial int DeviceGetPerformanceState(nint device, out int pstate);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCurrentClocksEventReasons")]
    public static partial int DeviceGetCurrentClocksEventReasons(nint device, out ulong reasons);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetCurrentClocksThrottleReasons")]
    public static partial int DeviceGetCurrentClocksThrottleReasons(nint device, out ulong reasons);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetComputeRunningProcesses_v3")]
    public static partial int DeviceGetComputeRunningProcesses(nint device, ref uint count, ProcessInfo* infos);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetProcessUtilization")]
    public static partial int DeviceGetProcessUtilization(nint device, ProcessUtilizationSample* samples, ref uint count, ulong lastSeenTimeStamp);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetMigMode")]
    public static partial int DeviceGetMigMode(nint device, out uint current, out uint pending);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetMaxMigDeviceCount")]
    public static partial int DeviceGetMaxMigDeviceCount(nint device, out uint count);

    [LibraryImport(Library, EntryPoint = "nvmlDeviceGetMigDeviceHandleByIndex")]
    public static partial int DeviceGetMigDeviceHandleByIndex(nint device, uint index, out nint migDevice);
}
