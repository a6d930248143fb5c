using Hearth.Hardware.Platform;

namespace Hearth.Testing.Fakes;

/// <summary>A loader that finds exactly the named libraries.</summary>
public sealed class FakeLibraries(params string[] present) : INativeLibraries
{
    public string? FirstLoadable(IEnumerable<string> names) => names.FirstOrDefault(present.Contains);
}
