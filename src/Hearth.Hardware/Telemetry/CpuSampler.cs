using System.Globalization;
using Hearth.Hardware.Cpu;
using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Telemetry;

/// <summary>
/// CPU, memory and processes from <c>/proc</c> and <c>/sys</c>: utilisation (total and per core, from
/// <c>/proc/stat</c> deltas), frequency, load, memory, temperature (hwmon, thermal zones), package power
/// (RAPL energy deltas), and every process's CPU share.
/// </summary>
public sealed class CpuSampler(ISystemFiles files, TimeProvider time, string cpuName) : ISampler
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on every Linux architecture Hearth runs on

    private Dictionary<string, (long Busy, long Total)> previousStat = [];
    private Dictionary<int, long> previousTicks = [];
    private (double Joules, long Timestamp)? previousEnergy;
    private long previousTimestamp;
    private Dictionary<string, double> listedMhz = [];
    private int ticks;
    private string? temperatureFile;

    public IReadOnlyList<DeviceDescriptor> Devices { get; } = [new("cpu", "cpu", cpuName, null, null)];

    public void Sample(IDictionary<string, double?> values, IList<ProcessUsage> processes)
    {
        var now = time.GetTimestamp();
        var seconds = previousTimestamp == 0 ? 0 : time.GetElapsedTime(previousTimestamp, now).TotalSeconds;
        previousTimestamp = now;

        SampleStat(values);
        SampleFrequencies(values);
        values[Series.Key("cpu", Series.Load1)] = Number(files.ReadText("/proc/loadavg")?.Split(' ')[0]);
        SampleMemory(values);
        if (ticks % 60 == 0 && temperatureFile is null)
        {
            temperatureFile = CpuSensors.TemperatureFile(files); // looked for once a minute while none is found
        }

        values[Series.Key("cpu", Series.Temp)] = CpuSensors.TemperatureC(files, temperatureFile);
        values[Series.Key("cpu", Series.Power)] = Power(now);
        SampleProcesses(processes, seconds);
        ticks++;
    }

    private void SampleStat(IDictionary<string, double?> values)
    {
        var current = new Dictionary<string, (long Busy, long Total)>();
        foreach (var line in (files.ReadText("/proc/stat") ?? "").Split('\n'))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = parts.Skip(1).Take(8).Select(p => long.TryParse(p, out var v) ? v : 0).ToArray();
            if (ticks.Length < 5)
            {
                continue;
            }

            var idle = ticks[3] + ticks[4]; // idle + iowait
            var total = ticks.Sum();
            var device = parts[0]; // "cpu" (all) or "cpu3"
            current[device] = (total - idle, total);
            values[Series.Key(device, Series.Util)] = previousStat.TryGetValue(device, out var before) && total > before.Total
                ? 100.0 * (total - idle - before.Busy) / (total - before.Total)
                : null;
        }

        previousStat = current;
    }

    private void SampleFrequencies(IDictionary<string, double?> values)
    {
        var cores = previousStat.Keys.Where(k => k != "cpu").ToList();
        var current = cores.ToDictionary(c => c, c => Number(files.ReadText($"/sys/devices/system/cpu/{c}/cpufreq/scaling_cur_freq")) / 1000);
        if (current.Values.Any(mhz => mhz is null) && ticks % 10 == 0)
        {
            listedMhz = ListedMhz(); // /proc/cpuinfo is long to read: where cpufreq is missing, read it every 10 ticks
        }

        foreach (var core in cores)
        {
            values[Series.Key(core, Series.Freq)] = current[core] ?? (listedMhz.TryGetValue(core, out var mhz) ? mhz : null);
        }
    }

    private Dictionary<string, double> ListedMhz()
    {
        var listed = new Dictionary<string, double>();
        string? processor = null;
        foreach (var line in (files.ReadText("/proc/cpuinfo") ?? "").Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            if (parts[0] == "processor")
            {
                processor = parts[1];
            }
            else if (parts[0] == "cpu MHz" && processor is not null && Number(parts[1]) is { } mhz)
            {
                listed[$"cpu{processor}"] = mhz;
            }
        }

        return listed;
    }

    private void SampleMemory(IDictionary<string, double?> values)
    {
        double? total = null, available = null;
        foreach (var line in (files.ReadText("/proc/meminfo") ?? "").Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] is "MemTotal" or "MemAvailable")
            {
                var bytes = Number(parts[1].Replace(" kB", "", StringComparison.Ordinal)) * 1024;
                (total, available) = parts[0] == "MemTotal" ? (bytes, available) : (total, bytes);
            }
        }

        values[Series.Key("cpu", Series.MemTotal)] = total;
        values[Series.Key("cpu", Series.MemUsed)] = total - available;
    }

    private double? Power(long now)
    {
        var joules = CpuSensors.EnergyMicrojoules(files) / 1e6;
        var before = previousEnergy;
        previousEnergy = joules is { } j ? (j, now) : null;
        if (joules is not { } current || before is not { } b || current < b.Joules)
        {
            return null; // not exposed, first reading, or the counter wrapped
        }

        var seconds = time.GetElapsedTime(b.Timestamp, now).TotalSeconds;
        return seconds > 0 ? (current - b.Joules) / seconds : null;
    }

    private void SampleProcesses(IList<ProcessUsage> processes, double seconds)
    {
        var current = new Dictionary<int, long>();
        foreach (var entry in files.List("/proc"))
        {
            if (!int.TryParse(entry, out var pid) || files.ReadText($"/proc/{pid}/stat") is not { } stat)
            {
                continue;
            }

            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so cut at the last ')'.
            var close = stat.LastIndexOf(')');
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            var fields = stat[(close + 2)..].Split(' ');
            if (fields.Length < 13 || !int.TryParse(fields[1], out var ppid))
            {
                continue;
            }

            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            current[pid] = ticks;
            var cpu = seconds > 0 && previousTicks.TryGetValue(pid, out var before)
                ? 100.0 * (ticks - before) / ClockTicksPerSecond / seconds
                : 0;
            processes.Add(new ProcessUsage(pid, ppid, stat[(open + 1)..close], cpu, null, null, null));
        }

        previousTicks = current;
    }

    private static double? Number(string? text) =>
        double.TryParse(text?.Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;
}
