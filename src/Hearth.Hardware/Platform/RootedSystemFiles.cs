namespace Hearth.Hardware.Platform;

/// <summary>The machine's files seen under a root: <c>/</c> on a real machine, a fixture folder in tests.</summary>
public sealed class RootedSystemFiles(string root) : ISystemFiles
{
    /// <summary>The real machine.</summary>
    public static RootedSystemFiles Machine { get; } = new("/");

    public string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(Map(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> List(string path)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(Map(path)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public bool Exists(string path) => Path.Exists(Map(path));

    public string? LinkTargetName(string path)
    {
        var mapped = Map(path);
        try
        {
            var target = new FileInfo(mapped).LinkTarget;
            if (target is not null)
            {
                return Path.GetFileName(target.TrimEnd('/'));
            }

            // Fixtures record a link as a plain file holding its target, since git may not keep links.
            return File.Exists(mapped) ? Path.GetFileName(File.ReadAllText(mapped).Trim().TrimEnd('/')) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string Map(string path) => root == "/" ? path : Path.Join(root, path);
}
