using System.Text.Json.Nodes;
using Hearth.Server.Security;

namespace Hearth.Server.Compatible;

/// <summary>
/// IBM Cloud IAM's <c>POST /identity/token</c>, so that IBM's clients with their default <c>IamAuthenticator</c> (its
/// <c>url</c> pointed at the node) work unchanged: the API key is the node token (any key when the node requires none),
/// and the answer is a short-lived bearer token signed with it.
/// </summary>
internal static class IbmIam
{
    private const string ApiKeyGrant = "urn:ibm:params:oauth:grant-type:apikey";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static void MapIbmIam(this WebApplication app) =>
        app.MapPost("/identity/token", TokenAsync)
            .WithSummary("IBM Cloud IAM token exchange: the node token as API key, a one-hour bearer token back.");

    private static async Task<IResult> TokenAsync(HttpRequest request, NodeToken token, HearthServerOptions options, TimeProvider time)
    {
        if (!request.HasFormContentType)
        {
            return Error("BXNIM0109E", "Property missing or empty: send application/x-www-form-urlencoded grant_type and apikey");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (form["grant_type"] != ApiKeyGrant)
        {
            return Error("BXNIM0103E", $"Grant type is not supported: use grant_type={ApiKeyGrant}");
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(form["apikey"]) || (options.RequiresToken && !token.Matches(form["apikey"], now)))
        {
            return Error("BXNIM0415E", "Provided API key could not be found: use the node token ('hearth token')");
        }

        var expires = now + Lifetime;
        return Results.Text(new JsonObject
        {
            ["access_token"] = token.Issue(now, expires),
            ["refresh_token"] = "not_supported",
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)Lifetime.TotalSeconds,
            ["expiration"] = expires.ToUnixTimeSeconds(),
            ["scope"] = "ibm openid",
        }.ToJsonString(), "application/json");
    }

    /// <summary>IAM's error shape.</summary>
    private static IResult Error(string code, string message) =>
        Results.Json(new { errorCode = code, errorMessage = message, context = new { requestType = "incoming.Identity_Token" } }, statusCode: 400);
}
