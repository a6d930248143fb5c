using Hearth.Hardware.Doctor;
using Spectre.Console;
using Status = Hearth.Hardware.Status;

namespace Hearth.Cli.Output;

/// <summary>The doctor's report as tables with green/yellow/red verdicts and a "what to do" column.</summary>
internal static class DoctorView
{
    public static void Render(IAnsiConsole console, DoctorReport report)
    {
        var inventory = report.Inventory;
        var host = inventory.Host;
        var where = string.Join(", ", new[] { host.Virtualization is { } v ? $"VM: {v}" : "bare metal",
            host.Container is { } c ? $"container: {c}" : null }.OfType<string>());
        console.MarkupLineInterpolated($"[bold]Hearth doctor[/] — {host.Os}, kernel {host.Kernel}, {where}");
        var (cpu, instructions) = (inventory.Cpu, string.Join(" ", inventory.Cpu.InstructionSets));
        var memory = $"{Gib(host.MemoryTotalBytes)} ({Gib(host.MemoryAvailableBytes)} available){Limits(host)}";
        console.MarkupLineInterpolated($"CPU: {cpu.Model}, {cpu.LogicalCores} logical cores, {instructions}; memory {memory}");
        console.WriteLine();

        var devices = new Table().Border(TableBorder.Rounded).Title("[bold]Devices[/]")
            .AddColumns("Device", "Verdict", "Proof of work", "% of peak", "Sensors");
        foreach (var d in report.Devices)
        {
            devices.AddRow(
                new Markup($"[bold]{Markup.Escape(d.Id)}[/]\n{Markup.Escape(d.Name)}"),
                Badge(d.Status),
                new Spectre.Console.Text(d.Verdict),
                new Spectre.Console.Text(d.PercentOfPeak is { } p ? $"{p:N0}%\nof {d.PeakGflops:N0} GFLOPS\n({d.PeakSource})" : "peak unknown"),
                new Spectre.Console.Text(string.Join("\n", d.Sensors.Select(s => $"{s.Name}: {s.Text}"))));
        }

        console.Write(devices);

        var checks = new Table().Border(TableBorder.Rounded).Title("[bold]Checks[/]")
            .AddColumns("Check", "Verdict", "Finding", "What to do");
        // Device proofs are in the devices table already.
        foreach (var check in report.Checks.Where(c => !c.Id.StartsWith("proof.", StringComparison.Ordinal)))
        {
            checks.AddRow(new Spectre.Console.Text(check.Title), Badge(check.Status), new Spectre.Console.Text(check.Finding),
                new Spectre.Console.Text(check.Fix ?? ""));
        }

        console.Write(checks);
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]Your AI runs on:[/] {report.AiRunsOn}");
        console.MarkupLineInterpolated($"[grey]ONNX Runtime {inventory.OnnxRuntimeVersion}; finished in {report.ElapsedSeconds:N1} s[/]");
    }

    public static Markup Badge(Status status) => status switch
    {
        Status.Pass => new Markup("[green]works[/]"),
        Status.Warn => new Markup("[yellow]warning[/]"),
        Status.Fail => new Markup("[red bold]NOT WORKING[/]"),
        _ => new Markup("[grey]info[/]"),
    };

    private static string Gib(long? bytes) => bytes is { } b ? $"{b / (1024.0 * 1024 * 1024):N1} GiB" : "not exposed";

    private static string Limits(Hearth.Hardware.Host.HostInfo host) =>
        (host.CgroupCpuLimit, host.CgroupMemoryLimitBytes) switch
        {
            (null, null) => "",
            var (cpu, memory) => $"; cgroup limits: {(cpu is { } c ? $"{c:0.##} CPUs" : "no CPU limit")}, "
                + $"{(memory is { } m ? Gib(m) : "no memory limit")}",
        };
}
