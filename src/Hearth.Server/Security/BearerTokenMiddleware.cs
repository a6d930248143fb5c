namespace Hearth.Server.Security;

/// <summary>
/// When the node listens beyond loopback, every request needs <c>Authorization: Bearer &lt;token&gt;</c>,
/// except the health check, <c>/metrics</c> (Prometheus scrapers) and the dashboard's static files
/// (they hold no data; the page sends the token with each of its API calls).
/// </summary>
internal sealed class BearerTokenMiddleware(RequestDelegate next, NodeToken token, HearthServerOptions options)
{
    private static readonly string[] Open = ["/healthz", "/metrics", "/", "/index.html", "/app.js", "/style.css", "/favicon.svg"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!options.RequiresToken || Open.Contains(context.Request.Path.Value))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        if (token.Matches(presented))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new
        {
            error = presented is null ? "this Hearth node listens beyond loopback and requires a token" : "the token is not this node's",
            fix = "send 'Authorization: Bearer <token>'; 'hearth token' on the node prints it",
        }).ConfigureAwait(false);
    }
}
