using Hearth.Hardware.Platform;

namespace Hearth.Hardware.Tests.Fakes;

internal sealed class FakeEnvironment(params (string Name, string Value)[] variables) : IEnvironmentVariables
{
    public string? Read(string name) => variables.FirstOrDefault(v => v.Name == name).Value;
}

/// <summary>A loader that finds exactly the named libraries.</summary>
internal sealed class FakeLibraries(params string[] present) : INativeLibraries
{
    public string? FirstLoadable(IEnumerable<string> names) => names.FirstOrDefault(present.Contains);
}
