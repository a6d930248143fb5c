using System.Security.Cryptography;
using System.Text;

namespace Hearth.Server.Security;

/// <summary>
/// The node's bearer token: generated on first need, stored in the Hearth home readable by its owner only
/// (0600), shown only by <c>hearth token</c>, compared in constant time, never logged.
/// </summary>
public sealed class NodeToken(Func<string> home)
{
    private (string Value, DateTime Written)? cached;

    public string FilePath => Path.Combine(home(), "token");

    /// <summary>
    /// The token, read again whenever its file changed: <c>hearth token --rotate</c> in another process takes effect on a
    /// running node at its next request (the old token refused, the new one accepted).
    /// </summary>
    public string Value()
    {
        var written = File.GetLastWriteTimeUtc(FilePath); // 1601-01-01 when the file is missing: never the time cached
        if (cached is { } known && known.Written == written)
        {
            return known.Value;
        }

        var value = File.Exists(FilePath) ? File.ReadAllText(FilePath).Trim() : Write();
        cached = (value, File.GetLastWriteTimeUtc(FilePath));
        return value;
    }

    /// <summary>Replaces the token; clients holding the old one are refused from now on, by this process and a running node.</summary>
    public string Rotate()
    {
        var value = Write();
        cached = (value, File.GetLastWriteTimeUtc(FilePath));
        return value;
    }

    /// <summary>The node token itself, or an unexpired access token issued from it (<see cref="Issue"/>).</summary>
    public bool Matches(string? presented, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        if (presented.Split('.') is [var header, var payload, var signature] && header == JwtHeader)
        {
            return Same(signature, Sign($"{header}.{payload}")) && Expiry(payload) > now;
        }

        return Same(presented, Value());
    }

    /// <summary>
    /// A short-lived access token, as IBM's IAM hands out for an API key: a JWT (IBM's clients read its expiry) signed
    /// with the node token (HS256), so that rotating the node token revokes every access token too.
    /// </summary>
    public string Issue(DateTimeOffset issued, DateTimeOffset expires)
    {
        var payload = Base64Url(Encoding.UTF8.GetBytes(
            $$"""{"iss":"hearth","sub":"node","iat":{{issued.ToUnixTimeSeconds()}},"exp":{{expires.ToUnixTimeSeconds()}}}"""));
        return $"{JwtHeader}.{payload}.{Sign($"{JwtHeader}.{payload}")}";
    }

    private static readonly string JwtHeader = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());

    private string Sign(string content) => Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Value()), Encoding.UTF8.GetBytes(content)));

    private static DateTimeOffset Expiry(string payload)
    {
        try
        {
            var padded = payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(padded));
            return DateTimeOffset.FromUnixTimeSeconds(json.RootElement.GetProperty("exp").GetInt64());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return DateTimeOffset.MinValue;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

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
