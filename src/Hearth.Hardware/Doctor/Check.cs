namespace Hearth.Hardware.Doctor;

/// <summary>One layered check: what was found, and what to do about it.</summary>
/// <param name="Id">Stable identifier such as <c>nvml</c> or <c>env.cuda-visible-devices</c>.</param>
/// <param name="Title">Short human title.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Finding">What was found, in plain words.</param>
/// <param name="Fix">What to do, when there is something to do.</param>
public sealed record Check(string Id, string Title, Status Status, string Finding, string? Fix = null);
