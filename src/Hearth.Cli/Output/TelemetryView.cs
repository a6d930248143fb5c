using Hearth.Hardware.Telemetry;
using Hearth.Hardware.Watchdog;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hearth.Cli.Output;

/// <summary>The live view of <c>hearth watch</c>: one row per device with sparklines, the GPU processes, the alerts.</summary>
internal static class TelemetryView
{
    private const int Width = 40; // sparkline points (seconds at 1 Hz)

    public static IRenderable Render(IReadOnlyList<DeviceDescriptor> devices, LiveSeries live, IReadOnlyList<Alert> alerts)
    {
        var latest = live.Latest;
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumns("Device", "Utilisation", "", "Temp", "Power", "Memory", "Clock");
        foreach (var device in devices)
        {
            var util = Series.Key(device.Id, Series.Util);
            table.AddRow(
                new Markup($"[bold]{Markup.Escape(device.Id)}[/] {Markup.Escape(device.Name)}"),
                new Markup($"[green]{Sparkline.Draw(live.Points(util).TakeLast(Width).Select(p => p.Value))}[/]"),
                new Spectre.Console.Text(Value(latest?[util], "0", "%")),
                new Spectre.Console.Text(Value(latest?[Series.Key(device.Id, Series.Temp)], "0", " °C")),
                new Spectre.Console.Text(Value(latest?[Series.Key(device.Id, Series.Power)], "0", " W")),
                new Spectre.Console.Text(Memory(latest?[Series.Key(device.Id, Series.MemUsed)], latest?[Series.Key(device.Id, Series.MemTotal)])),
                new Spectre.Console.Text(device.Kind == "cpu" ? Cores(latest) : Value(latest?[Series.Key(device.Id, Series.SmClock)], "0", " MHz")));
        }

        var rows = new List<IRenderable> { table };
        var onGpus = latest?.Processes.Where(p => p.Gpu is not null).OrderByDescending(p => p.GpuMemoryBytes).ToList() ?? [];
        if (onGpus.Count > 0)
        {
            var processes = new Table().Border(TableBorder.Simple).Title("Processes on GPUs").AddColumns("PID", "Name", "GPU", "Memory", "SM");
            foreach (var p in onGpus.Take(10))
            {
                processes.AddRow(p.Pid.ToString(), Markup.Escape(p.Name), p.Gpu!, Value(p.GpuMemoryBytes / 1048576.0, "0", " MiB"),
                    Value(p.GpuSmPercent, "0", "%"));
            }

            rows.Add(processes);
        }

        var top = latest?.Processes.Where(p => p.Gpu is null && p.CpuPercent >= 1).OrderByDescending(p => p.CpuPercent).Take(5).ToList() ?? [];
        if (top.Count > 0)
        {
            rows.Add(new Markup("[grey]Busiest on the CPU:[/] "
                + string.Join(", ", top.Select(p => $"{Markup.Escape(p.Name)} ({p.Pid}) {p.CpuPercent:0}%"))));
        }

        rows.Add(alerts.Count == 0
            ? new Markup("[green]No alert.[/]")
            : new Rows(alerts.Select(a => new Markup($"[{(a.Severity == Severity.Critical ? "red bold" : "yellow")}]"
                + $"{a.Severity.ToString().ToUpperInvariant()}[/] {Markup.Escape(a.Message)}"))));
        return new Rows(rows);
    }

    private static string Value(double? value, string format, string unit) =>
        value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + unit : "not exposed";

    private static string Memory(double? used, double? total) =>
        used is { } u && total is { } t ? $"{u / (1 << 30):0.0}/{t / (1 << 30):0.0} GiB" : "not exposed";

    private static string Cores(TelemetrySnapshot? latest) =>
        latest is null ? "" : string.Join(" ", latest.Values.Where(v => v.Key.EndsWith(".freq", StringComparison.Ordinal) && v.Value is not null)
            .Select(v => v.Value!.Value).DefaultIfEmpty().Max() is var mhz and > 0 ? $"up to {mhz:0} MHz" : "not exposed");
}
