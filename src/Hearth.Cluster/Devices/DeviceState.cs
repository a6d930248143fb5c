namespace Hearth.Cluster.Devices;

/// <summary>A board as the gateway sees it.</summary>
/// <param name="State">rejected (its announcement cannot be true or used), unpaired, or paired (it gets work).</param>
public sealed record DeviceState(string Name, string State, DeviceHello? Hello, IReadOnlyList<string> Problems, int Retries, int BadFrames);
