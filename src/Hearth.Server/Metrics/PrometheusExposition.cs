using System.Globalization;
using System.Text;
using Hearth.Hardware.Platform;
using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;

namespace Hearth.Server.Metrics;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format: NVIDIA GPUs under dcgm-exporter's names and labels (so
/// existing Grafana dashboards work), CPU and memory under node-exporter's names (read from <c>/proc</c> at
/// scrape time, as node-exporter does), and Hearth's own figures. A sensor that is not exposed is left out.
/// </summary>
public static class PrometheusExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly (string Metric, string Name, string Type, string Help, double Scale)[] Dcgm =
    [
        (Series.Util, "DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %).", 1),
        (Series.MemUtil, "DCGM_FI_DEV_MEM_COPY_UTIL", "gauge", "Memory utilization (in %).", 1),
        (Series.SmClock, "DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz).", 1),
        (Series.Temp, "DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C).", 1),
        (Series.Power, "DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W).", 1),
        (Series.Energy, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter", "Total energy consumption since boot (in mJ).", 1000),
        (Series.MemUsed, "DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB).", 1.0 / (1 << 20)),
        (Series.Throttle, "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "gauge", "Current clock throttle reasons (bitmask).", 1),
        (Series.Pstate, "DCGM_FI_DEV_PSTATE", "gauge", "Performance state (0 = fastest).", 1),
    ];

    private static readonly string[] CpuModes = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"];

    public static string Write(IReadOnlyList<DeviceDescriptor> devices, TelemetrySnapshot? latest, ISystemFiles files, IReadOnlyList<Alert> alerts,
        int runningJobs)
    {
        var text = new StringBuilder();
        var nvidia = devices.Where(d => d.Kind == "gpu" && d.Uuid is not null).ToList();
        foreach (var (metric, name, type, help, scale) in Dcgm)
        {
            var samples = nvidia.Select(d => (Device: d, Value: latest?[Series.Key(d.Id, metric)] * scale)).Where(s => s.Value is not null).ToList();
            Family(text, name, type, help, samples.Select(s => (DcgmLabels(s.Device), s.Value!.Value)));
            if (metric == Series.MemUsed)
            {
                var free = nvidia.Select(d => (Device: d,
                    Value: (latest?[Series.Key(d.Id, Series.MemTotal)] - latest?[Series.Key(d.Id, Series.MemUsed)]) * scale)).Where(s =>
                        s.Value is not null);
                Family(text, "DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB).",
                    free.Select(s => (DcgmLabels(s.Device), s.Value!.Value)));
            }
        }

        foreach (var metric in new[] { Series.Util, Series.Temp, Series.Power, Series.MemUsed })
        {
            var others = devices.Where(d => d.Kind == "gpu" && d.Uuid is null).Select(d => (d, latest?[Series.Key(d.Id, metric)])).Where(s =>
                s.Item2 is not null);
            Family(text, $"hearth_gpu_{metric}", "gauge", $"GPU {metric} of GPUs outside DCGM (AMD), Hearth's units (docs/telemetry.md).",
                others.Select(s => ($"gpu=\"{s.d.Id}\",modelName=\"{Escape(s.d.Name)}\"", s.Item2!.Value)));
        }

        NodeCpu(text, files);
        NodeLoadAndMemory(text, files);
        var cores = latest?.Values.Where(v => v.Key.StartsWith("cpu", StringComparison.Ordinal) && v.Key.EndsWith(".freq", StringComparison.Ordinal)
            && v.Value is not null).ToList() ?? [];
        Family(text, "node_cpu_scaling_frequency_hertz", "gauge", "Current scaled CPU thread frequency in hertz.",
            cores.Select(c => ($"cpu=\"{Series.Split(c.Key).Device[3..]}\"", c.Value!.Value * 1e6)));
        if (latest?[Series.Key("cpu", Series.Temp)] is { } temp)
        {
            Family(text, "node_hwmon_temp_celsius", "gauge", "Hardware monitor for temperature (input).",
                [("chip=\"cpu\",sensor=\"package\"", temp)]);
        }

        if (latest?[Series.Key("cpu", Series.Power)] is { } watts)
        {
            Family(text, "hearth_cpu_power_watts", "gauge", "CPU package power from RAPL energy deltas.", [("", watts)]);
        }

        var utils = latest?.Values.Where(v => v.Key.StartsWith("cpu", StringComparison.Ordinal) && v.Key.EndsWith(".util", StringComparison.Ordinal)
            && v.Value is not null).ToList() ?? [];
        Family(text, "hearth_cpu_utilization_percent", "gauge", "CPU utilisation over the last sampling interval.",
            utils.Select(u => ($"cpu=\"{(Series.Split(u.Key).Device is "cpu" ? "all" : Series.Split(u.Key).Device[3..])}\"", u.Value!.Value)));
        Family(text, "hearth_alerts_active", "gauge", "Active watchdog alerts by severity.",
            Enum.GetValues<Severity>().Select(s => ($"severity=\"{s.ToString().ToLowerInvariant()}\"", (double)alerts.Count(a => a.Severity == s))));
        Family(text, "hearth_jobs_running", "gauge", "Jobs running under 'hearth run'.", [("", runningJobs)]);
        return text.ToString();
    }

    private static void NodeCpu(StringBuilder text, ISystemFiles files)
    {
        var samples = new List<(string, double)>();
        foreach (var line in (files.ReadText("/proc/stat") ?? "").Split('\n').Where(l => l.StartsWith("cpu", StringComparison.Ordinal)
            && !l.StartsWith("cpu ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var m = 0; m < CpuModes.Length && m + 1 < parts.Length; m++)
            {
                samples.Add(($"cpu=\"{parts[0][3..]}\",mode=\"{CpuModes[m]}\"", double.Parse(parts[m + 1], CultureInfo.InvariantCulture) / 100));
            }
        }

        Family(text, "node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.", samples);
    }

    private static void NodeLoadAndMemory(StringBuilder text, ISystemFiles files)
    {
        var load = (files.ReadText("/proc/loadavg") ?? "").Split(' ');
        string[] names = ["node_load1", "node_load5", "node_load15"];
        for (var i = 0; i < names.Length && i < load.Length; i++)
        {
            if (double.TryParse(load[i], CultureInfo.InvariantCulture, out var value))
            {
                Family(text, names[i], "gauge", $"{names[i][9..]}m load average.", [("", value)]);
            }
        }

        foreach (var line in (files.ReadText("/proc/meminfo") ?? "").Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] is "MemTotal" or "MemFree" or "MemAvailable"
                && double.TryParse(parts[1].Replace(" kB", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var kb))
            {
                Family(text, $"node_memory_{parts[0]}_bytes", "gauge", $"Memory information field {parts[0]}_bytes.", [("", kb * 1024)]);
            }
        }
    }

    private static void Family(StringBuilder text, string name, string type, string help, IEnumerable<(string Labels, double Value)> samples)
    {
        var list = samples.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, value) in list)
        {
            text.Append(name);
            if (labels.Length > 0)
            {
                text.Append('{').Append(labels).Append('}');
            }

            text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static string DcgmLabels(DeviceDescriptor gpu) =>
        $"gpu=\"{gpu.Id[3..]}\",UUID=\"{Escape(gpu.Uuid!)}\",device=\"nvidia{gpu.Id[3..]}\",modelName=\"{Escape(gpu.Name)}\","
        + $"Hostname=\"{Escape(Environment.MachineName)}\"";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n",
            StringComparison.Ordinal);
}
