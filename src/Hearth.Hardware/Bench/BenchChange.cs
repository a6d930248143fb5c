namespace Hearth.Hardware.Bench;

/// <summary>A figure beside the same figure of the previous run.</summary>
public sealed record BenchChange(BenchFigure Now, double? Before)
{
    /// <summary>Relative change in percent; null when the figure is new.</summary>
    public double? ChangePercent => Before is > 0 ? 100 * (Now.Value - Before.Value) / Before.Value : null;

    /// <summary>Pairs each figure with the previous run's figure of the same device, metric, size and engine.</summary>
    public static IReadOnlyList<BenchChange> Compare(IReadOnlyList<BenchFigure> now, IReadOnlyList<BenchFigure>? before) =>
        [.. now.Select(f => new BenchChange(f, before?.FirstOrDefault(b =>
            (b.Device, b.Metric, b.Size, b.Engine) == (f.Device, f.Metric, f.Size, f.Engine))?.Value))];
}
