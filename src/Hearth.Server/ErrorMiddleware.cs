using System.Text.Json;
using Hearth.Server.Compatible;

namespace Hearth.Server;

/// <summary>
/// No request ever gets an empty error or a stack trace: a request the framework cannot read (wrong JSON types, a query
/// value that does not parse, a body too large, a wrong content type), an unknown route or method, and any failure of
/// Hearth itself are answered in the shape the caller expects: Watson's <c>{"code","error"}</c> under the Watson routes,
/// Google's <c>{"error":{"code","message","status"}}</c> under <c>/v1/documents</c> and <c>/v2/documents</c>, and
/// RFC 9457 problem details (with a <c>fix</c>) everywhere else.
/// </summary>
internal sealed partial class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, Describe(e)).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailure(logger, context.Request.Method, context.Request.Path, e);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "Hearth failed on this request (a bug: the node's log has "
                + "the details)").ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null && response.ContentLength is null)
        {
            await WriteAsync(context, response.StatusCode, response.StatusCode switch
            {
                404 => $"no route {context.Request.Path}",
                405 => $"{context.Request.Method} is not served on {context.Request.Path}",
                _ => ReasonPhrases(response.StatusCode),
            }).ConfigureAwait(false);
        }
    }

    /// <summary>An error in the shape of the API the path belongs to; the cloud shapes carry the fix in their message.</summary>
    internal static Task WriteAsync(HttpContext context, int status, string message, string? fix = null)
    {
        fix ??= Fix(status);
        var path = context.Request.Path.Value ?? "";
        var result = path.StartsWith("/v1/documents", StringComparison.Ordinal) || path.StartsWith("/v2/documents", StringComparison.Ordinal)
            ? GoogleNaturalLanguage.Error(status, $"{message}: {fix}")
            : path.StartsWith("/v1/", StringComparison.Ordinal) || path.StartsWith("/v3/", StringComparison.Ordinal)
                || path.StartsWith("/identity/", StringComparison.Ordinal)
                ? Json.WatsonError($"{message}: {fix}", status)
                : Endpoints.ApiEndpoints.Problem(status, message, fix);
        return result.ExecuteAsync(context);
    }

    private static string Describe(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException { Path: "$" } json when IsConversion(json) => "the body must be a JSON object",
        JsonException { Path: { } path } json when IsConversion(json) => $"'{path[2..]}' has the wrong JSON type or value",
        JsonException json => $"the JSON body cannot be read: {json.Message.Split(" Path:")[0].TrimEnd('.')}",
        _ => e.Message.TrimEnd('.'),
    };

    private static bool IsConversion(JsonException json) =>
        json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    private static string Fix(int status) => status switch
    {
        404 or 405 => "the routes are listed at /api/openapi.json and in docs/api.md",
        413 => "send less: split the text into several requests",
        415 => "send the body as JSON with 'Content-Type: application/json'",
        500 => "report it with the request that caused it",
        _ => "see the request's schema at /api/openapi.json and in docs/api.md",
    };

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
