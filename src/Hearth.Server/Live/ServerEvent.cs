namespace Hearth.Server.Live;

/// <summary>One Server-Sent Event: its name (<c>sample</c>, <c>alert</c>) and its JSON data.</summary>
public sealed record ServerEvent(string Name, string Json);
