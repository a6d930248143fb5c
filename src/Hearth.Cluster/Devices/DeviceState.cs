namespace Hearth.Cluster.Devices;

/// <summary>A board as the gateway sees it.</summary>
/// <param name="State">
/// unattached (it could not be attached: the reason is in <paramref name="Problems"/>), rejected (its announcement cannot be true
/// or used), unpaired, or paired (it gets work).
/// </param>
public sealed record DeviceState(string Name, string State, DeviceHello? Hello, IReadOnlyList<string> Problems, int Retries, int BadFrames);
