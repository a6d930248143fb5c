namespace Hearth.Hardware.History;

/// <summary>
/// Where Hearth keeps its state: <c>HEARTH_HOME</c>, else <c>~/.hearth</c>. It holds users' texts and the node's token, so it
/// is private to its owner (0700, as PostgreSQL's data directory), and so is every file Hearth keeps in it (0600).
/// </summary>
public static class HearthHome
{
    /// <summary>Owner only: read, write, and (for directories) enter.</summary>
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Makes a file or directory of the home private if others can read it (a home made by an older Hearth, or a file
    /// copied in), and says so once on stderr.
    /// </summary>
    public static void MakePrivate(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return;
        }

        var current = File.GetUnixFileMode(path);
        if ((current & ~mode & (UnixFileMode)0x1FF) != 0)
        {
            File.SetUnixFileMode(path, mode);
            Console.Error.WriteLine($"hearth: {path} was readable by others ({Octal(current)}); made private ({Octal(mode)}): it holds your texts");
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');

    public static string Resolve(string? hearthHome = null)
    {
        var path = hearthHome ?? Environment.GetEnvironmentVariable("HEARTH_HOME");
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hearth");
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, PrivateDirectory);
                MakePrivate(path, PrivateDirectory);
            }

            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot use '{path}' as Hearth's home ({e.Message}): set HEARTH_HOME to a writable folder", e);
        }
    }
}
