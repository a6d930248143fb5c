namespace Hearth.Hardware.Bench;

/// <summary>A whole <c>hearth bench</c> run.</summary>
/// <param name="Notes">What could not be measured, and why.</param>
public sealed record BenchResult(DateTimeOffset StartedAt, string Host, IReadOnlyList<BenchDevice> Devices, IReadOnlyList<BenchFigure> Figures,
    IReadOnlyList<string> Notes);
