namespace Hearth.Hardware.Ai;

/// <summary>Where the one encoder that every analysis runs on was placed, and why not on a GPU when it is on the CPU.</summary>
/// <param name="Provider">The execution provider it runs on.</param>
/// <param name="FallbackReason">Why a listed GPU provider was not used; null when it runs where it should.</param>
public sealed record AiPlacement(string Provider, string? FallbackReason);
