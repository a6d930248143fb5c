using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Text.Analysis;
using Hearth.Text.Input;
using Hearth.Text.Personality;

namespace Hearth.Server.Compatible;

/// <summary>
/// IBM Watson Personality Insights v3's <c>POST /v3/profile</c> (retired by IBM in December 2021), back and local:
/// text/plain, text/html or JSON <c>contentItems</c>; Big Five with facets as percentiles under Watson's trait ids;
/// Watson's word-count discipline (under 100 words an error, under 600 a warning). Needs, values and consumption
/// preferences are not computed: they come back empty, with a warning that says so.
/// </summary>
internal static class WatsonPersonality
{
    private const int MaxCharacters = 200_000;

    public static void MapWatsonPersonality(this WebApplication app) =>
        app.MapPost("/v3/profile", ProfileAsync).WithSummary("Watson Personality Insights v3, locally: Big Five and their facets as percentiles.");

    private static async Task<IResult> ProfileAsync(HttpRequest request, TextAnalyzer analyzer)
    {
        if (string.IsNullOrEmpty(request.Query["version"]))
        {
            return Json.WatsonError("Missing required query parameter 'version' (e.g. ?version=2017-10-13)");
        }

        if (request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Json.WatsonError("CSV output is not supported by Hearth: ask for application/json", 406);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var contentType = request.ContentType ?? "text/plain";
        string text;
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var items = JsonNode.Parse(body)?["contentItems"]?.AsArray()
                    ?? throw new JsonException("a JSON body needs \"contentItems\": [{\"content\": \"…\"}]");
                text = string.Join("\n\n", items.Select(i => i?["contenttype"]?.GetValue<string>() == "text/html"
                    ? DocumentReader.HtmlText(i["content"]?.GetValue<string>() ?? "")
                    : i?["content"]?.GetValue<string>() ?? ""));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Json.WatsonError($"Invalid JSON input: {e.Message}");
            }
        }
        else
        {
            text = contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? DocumentReader.HtmlText(body) : body;
        }

        var warnings = new JsonArray();
        if (text.Length > MaxCharacters)
        {
            text = text[..MaxCharacters];
            warnings.Add(Warning("CONTENT_TRUNCATED", $"The content was truncated to its first {MaxCharacters} characters"));
        }

        var result = analyzer.Analyze(text, [Feature.Language, Feature.Personality]);
        if (result.Personality is not { } profile)
        {
            return Json.WatsonError(PersonalityModel.TooFewWords(result.Usage.Words) ?? "No text given", subCode: "S00014");
        }

        var language = request.Headers.ContentLanguage.FirstOrDefault() ?? result.Language.Code;
        if (!language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return Json.WatsonError($"Unsupported content language '{language}': Hearth's personality model reads English only");
        }

        var raw = string.Equals(request.Query["raw_scores"], "true", StringComparison.OrdinalIgnoreCase);
        if (profile.WordCountMessage is { } message)
        {
            warnings.Add(Warning("WORD_COUNT_MESSAGE", message));
        }

        warnings.Add(Warning("ACCURACY", PersonalityProfile.Accuracy));
        warnings.Add(Warning("NOT_COMPUTED", "needs, values and consumption preferences are not computed by Hearth; only the Big Five and their "
            + "facets are"));
        var response = new JsonObject
        {
            ["word_count"] = profile.WordCount,
            ["word_count_message"] = profile.WordCountMessage,
            ["processed_language"] = "en",
            ["personality"] = new JsonArray([.. profile.Traits.Select(t => Trait(t, raw))]),
            ["needs"] = new JsonArray(),
            ["values"] = new JsonArray(),
            ["warnings"] = warnings,
        };
        return Results.Text(Json.WithoutNulls(response).ToJsonString(), "application/json");
    }

    private static JsonNode Trait(TraitScore trait, bool raw) => new JsonObject
    {
        ["trait_id"] = trait.TraitId,
        ["name"] = trait.Name,
        ["category"] = "personality",
        ["percentile"] = trait.Percentile,
        ["raw_score"] = raw ? trait.RawScore : null,
        ["significant"] = true,
        ["children"] = trait.Children.Count == 0 ? null : new JsonArray([.. trait.Children.Select(c => Trait(c, raw))]),
    };

    private static JsonObject Warning(string id, string message) => new() { ["warning_id"] = id, ["message"] = message };
}
