namespace Hearth.Server.Security;

/// <summary>
/// When the node listens beyond loopback (or with --require-token), every request needs <c>Authorization: Bearer &lt;token&gt;</c>
/// (or Basic <c>apikey:&lt;token&gt;</c> as IBM clients send it, or Google's API key header <c>X-Goog-Api-Key</c> or <c>?key=</c>),
/// except the health check, <c>/metrics</c> (Prometheus scrapers) and the dashboard's static files
/// (they hold no data; the page sends the token with each of its API calls).
/// </summary>
internal sealed class BearerTokenMiddleware(RequestDelegate next, NodeToken token, HearthServerOptions options, TimeProvider time)
{
    // "/identity/token" checks the API key itself, as IBM's IAM does.
    private static readonly string[] Open = ["/healthz", "/metrics", "/", "/index.html", "/app.js", "/style.css", "/favicon.svg", "/identity/token"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!options.RequiresToken || Open.Contains(context.Request.Path.Value))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var presented = Presented(context.Request.Headers.Authorization.ToString())
            ?? NonEmpty(context.Request.Headers["X-Goog-Api-Key"]) ?? NonEmpty(context.Request.Query["key"]);
        if (token.Matches(presented, time.GetUtcNow()))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer"; // no Basic challenge: browsers would pop up their own login dialog
        await ErrorMiddleware.WriteAsync(context, StatusCodes.Status401Unauthorized,
            presented is null ? "this Hearth node requires a token" : "the token is not this node's, or it has expired",
            "send 'Authorization: Bearer <token>' (Google clients: the token as apiKey); 'hearth token' on the node prints it").ConfigureAwait(false);
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value) ? null : value.ToString();

    /// <summary>
    /// The token from <c>Bearer &lt;token&gt;</c>, or from <c>Basic apikey:&lt;token&gt;</c> as IBM Watson
    /// clients send their API key, so they work unchanged against a node beyond loopback.
    /// </summary>
    private static string? Presented(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) // schemes are case-insensitive (RFC 9110)
        {
            return header["Bearer ".Length..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                return pair.StartsWith("apikey:", StringComparison.Ordinal) ? pair["apikey:".Length..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
