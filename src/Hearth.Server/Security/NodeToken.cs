using System.Security.Cryptography;
using System.Text;

namespace Hearth.Server.Security;

/// <summary>
/// The node's bearer token: generated on first need, stored in the Hearth home readable by its owner only
/// (0600), shown only by <c>hearth token</c>, compared in constant time, never logged.
/// </summary>
public sealed class NodeToken(Func<string> home)
{
    private string? cached;

    public string FilePath => Path.Combine(home(), "token");

    public string Value() => cached ??= File.Exists(FilePath) ? File.ReadAllText(FilePath).Trim() : Write();

    /// <summary>Replaces the token; clients holding the old one are refused from now on.</summary>
    public string Rotate() => cached = Write();

    public bool Matches(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value()));
    }

    private string Write()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.Delete(FilePath);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(FilePath, Encoding.UTF8, options))
        {
            file.Write(token);
        }

        return token;
    }
}
