using Hearth.Hardware.Platform;

namespace Hearth.Testing.Fakes;

public sealed class FakeEnvironment(params (string Name, string Value)[] variables) : IEnvironmentVariables
{
    public string? Read(string name) => variables.FirstOrDefault(v => v.Name == name).Value;
}
