namespace Hearth.Hardware.Platform;

/// <summary>Whether shared libraries (libcudart, libcublas, …) can be loaded by this process.</summary>
public interface INativeLibraries
{
    /// <summary>Tries each name in turn; returns the first that loads, or null.</summary>
    string? FirstLoadable(IEnumerable<string> names);
}
