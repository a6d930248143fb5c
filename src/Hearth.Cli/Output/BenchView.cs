using Hearth.Hardware.Bench;
using Spectre.Console;

namespace Hearth.Cli.Output;

/// <summary>Benchmark figures as a table, with the change since the previous run when asked.</summary>
internal static class BenchView
{
    public static void Render(IAnsiConsole console, BenchResult result, IReadOnlyList<BenchChange> changes, bool compare, long runId)
    {
        foreach (var device in result.Devices)
        {
            var peak = device.PeakGflops is { } p ? $"{p:N0} GFLOPS ({device.PeakSource})" : "unknown";
            var bandwidth = device.PeakBandwidthGBs is { } b ? $", {b:N0} GB/s" : "";
            console.MarkupLineInterpolated($"[bold]{device.Id}[/] {device.Name}: peak {peak}{bandwidth}");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Device", "Metric", "N", "Value", "% of peak", "Engine");
        if (compare)
        {
            table.AddColumn("Change since previous run");
        }

        foreach (var change in changes)
        {
            var f = change.Now;
            var cells = new List<string>
            {
                f.Device, f.Metric, f.Size > 0 ? f.Size.ToString() : "", $"{f.Value:N1} {f.Unit}",
                f.PercentOfPeak is { } p ? $"{p:N0}%" : "", f.Engine,
            };
            if (compare)
            {
                cells.Add(change.ChangePercent is { } c ? $"{c:+0.0;-0.0}% (was {change.Before:N1})" : "new");
            }

            table.AddRow([.. cells.Select(c => new Spectre.Console.Text(c))]);
        }

        console.Write(table);
        foreach (var note in result.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        console.MarkupLineInterpolated($"[grey]Saved as run {runId} in the history; 'hearth bench --compare' shows the change next time.[/]");
    }
}
