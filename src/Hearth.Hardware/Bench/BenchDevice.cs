namespace Hearth.Hardware.Bench;

/// <summary>A benchmarked device and its theoretical peaks.</summary>
public sealed record BenchDevice(string Id, string Name, double? PeakGflops, double? PeakBandwidthGBs, string? PeakSource);
