namespace Hearth.Hardware.Platform;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironmentVariables
{
    public string? Read(string name) => Environment.GetEnvironmentVariable(name);
}
