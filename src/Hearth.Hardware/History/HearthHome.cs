namespace Hearth.Hardware.History;

/// <summary>Where Hearth keeps its state: <c>HEARTH_HOME</c>, else <c>~/.hearth</c>.</summary>
public static class HearthHome
{
    public static string Resolve(string? hearthHome = null)
    {
        var path = hearthHome ?? Environment.GetEnvironmentVariable("HEARTH_HOME");
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".hearth");
        }

        try
        {
            Directory.CreateDirectory(path);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot use '{path}' as Hearth's home ({e.Message}): set HEARTH_HOME to a writable folder", e);
        }
    }
}
