using System.Runtime.InteropServices;

namespace Hearth.Hardware.Platform;

/// <summary>Asks the dynamic loader, as the runtimes themselves will.</summary>
public sealed class DynamicLoader : INativeLibraries
{
    public string? FirstLoadable(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                NativeLibrary.Free(handle);
                return name;
            }
        }

        return null;
    }
}
