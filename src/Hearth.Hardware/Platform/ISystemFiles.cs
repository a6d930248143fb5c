namespace Hearth.Hardware.Platform;

/// <summary>
/// Read-only view of the machine's pseudo file systems (<c>/proc</c>, <c>/sys</c>, <c>/etc</c>, <c>/dev</c>).
/// Paths are absolute as on a real machine; tests point the view at a recorded fixture tree.
/// </summary>
public interface ISystemFiles
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string path);

    /// <summary>Names of the entries of a directory, or nothing when it does not exist.</summary>
    IReadOnlyList<string> List(string path);

    /// <summary>Whether a file or directory exists.</summary>
    bool Exists(string path);

    /// <summary>The last segment of a symbolic link's target (e.g. a bound driver's name), or null.</summary>
    string? LinkTargetName(string path);
}
