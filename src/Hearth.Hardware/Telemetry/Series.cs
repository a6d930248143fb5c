namespace Hearth.Hardware.Telemetry;

/// <summary>The metrics every device reports, with their units (docs/telemetry.md).</summary>
public static class Series
{
    public const string Util = "util";          // % busy (CPU: all cores; GPU: NVML utilization.gpu)
    public const string MemUtil = "mem_util";   // % of time the GPU memory was read or written
    public const string Freq = "freq";          // MHz, per CPU core
    public const string SmClock = "sm_clock";   // MHz
    public const string Load1 = "load1";        // 1-minute load average
    public const string MemUsed = "mem_used";   // bytes
    public const string MemTotal = "mem_total"; // bytes
    public const string Temp = "temp";          // °C
    public const string Power = "power";        // W
    public const string Energy = "energy";      // J since the driver loaded (GPU)
    public const string Pstate = "pstate";      // 0 = fastest
    public const string Throttle = "throttle";  // NVML clocks-event reason bits

    public static string Key(string device, string metric) => $"{device}.{metric}";

    public static (string Device, string Metric) Split(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return (key[..dot], key[(dot + 1)..]);
    }
}
