using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Text.Analysis;
using Hearth.Text.Input;
using Hearth.Text.Personality;

namespace Hearth.Server.Compatible;

/// <summary>
/// IBM Watson Personality Insights v3's <c>POST /v3/profile</c> (retired by IBM in December 2021), back and local:
/// text/plain, text/html or JSON <c>contentItems</c>; Big Five with facets, needs and values as percentiles under Watson's
/// ids, named in English or French (<c>Accept-Language</c>); Watson's word-count discipline (under 100 words an error, under
/// 600 a warning). Consumption preferences are not computed: asked for, they come back empty with a warning that says so.
/// </summary>
internal static class WatsonPersonality
{
    private const int MaxCharacters = 200_000;

    public static void MapWatsonPersonality(this WebApplication app) =>
        app.MapPost("/v3/profile", ProfileAsync).WithSummary("Watson Personality Insights v3, locally: Big Five and their facets as percentiles.")
            .RequireRateLimiting(HearthServer.AnalysisPolicy);

    private static async Task<IResult> ProfileAsync(HttpRequest request, TextAnalyzer analyzer)
    {
        if (string.IsNullOrEmpty(request.Query["version"]))
        {
            return Json.WatsonError("Missing required query parameter 'version' (e.g. ?version=2017-10-13)");
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var contentType = request.ContentType ?? "text/plain";
        string text;
        if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var items = RequestJson.Parse(body).Member("contentItems") as JsonArray
                    ?? throw new InvalidRequestException("a JSON body needs \"contentItems\": [{\"content\": \"…\"}]");
                text = string.Join("\n\n", items.Select(i => i.Text("contenttype") == "text/html"
                    ? DocumentReader.HtmlText(i.Text("content") ?? "")
                    : i.Text("content") ?? ""));
            }
            catch (InvalidRequestException e)
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

        var result = analyzer.Analyze(text, [Feature.Language, Feature.Personality], null, cancellationToken: request.HttpContext.RequestAborted);
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
        var consumption = string.Equals(request.Query["consumption_preferences"], "true", StringComparison.OrdinalIgnoreCase);
        if (consumption)
        {
            warnings.Add(Warning("NOT_COMPUTED", "consumption preferences are not computed by Hearth; the Big Five with their facets, needs "
                + "and values are"));
        }

        var names = PersonalityNames.For(request.Headers.AcceptLanguage.ToString());
        if (names.Warning is { } namesWarning)
        {
            warnings.Add(Warning("NAMES_IN_ENGLISH", namesWarning));
        }

        if (request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var headers = string.Equals(request.Query["csv_headers"], "true", StringComparison.OrdinalIgnoreCase);
            return Results.Text(Csv(profile, raw, headers), "text/csv");
        }

        var response = new JsonObject
        {
            ["word_count"] = profile.WordCount,
            ["word_count_message"] = profile.WordCountMessage,
            ["processed_language"] = "en",
            ["personality"] = new JsonArray([.. profile.Traits.Select(t => Trait(t, "personality", raw, names.Name))]),
            ["needs"] = new JsonArray([.. profile.Needs.Select(n => Trait(n, "needs", raw, names.Name))]),
            ["values"] = new JsonArray([.. profile.Values.Select(v => Trait(v, "values", raw, names.Name))]),
            ["consumption_preferences"] = consumption ? new JsonArray() : null,
            ["warnings"] = warnings,
        };
        return Results.Text(Json.WithoutNulls(response).ToJsonString(), "application/json");
    }

    /// <summary>The profile as Watson's CSV: one row of percentiles (and raw scores), with a header row when asked.</summary>
    private static string Csv(PersonalityProfile profile, bool raw, bool headers)
    {
        var scores = profile.Traits.SelectMany(t => t.Children.Prepend(t)).Concat(profile.Needs).Concat(profile.Values).ToList();
        var columns = new List<(string Name, string Value)> { ("word_count", $"{profile.WordCount}"), ("processed_language", "en") };
        columns.AddRange(scores.Select(t => (t.TraitId, Number(t.Percentile))));
        if (raw)
        {
            columns.AddRange(scores.Select(t => ($"raw_{t.TraitId}", Number(t.RawScore))));
        }

        var rows = headers ? new[] { string.Join(',', columns.Select(c => c.Name)), string.Join(',', columns.Select(c => c.Value)) }
            : [string.Join(',', columns.Select(c => c.Value))];
        return string.Join("\r\n", rows) + "\r\n";
    }

    private static string Number(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonNode Trait(TraitScore trait, string category, bool raw, Func<TraitScore, string> name) => new JsonObject
    {
        ["trait_id"] = trait.TraitId,
        ["name"] = name(trait),
        ["category"] = category,
        ["percentile"] = trait.Percentile,
        ["raw_score"] = raw ? trait.RawScore : null,
        ["significant"] = true,
        ["children"] = trait.Children.Count == 0 ? null : new JsonArray([.. trait.Children.Select(c => Trait(c, category, raw, name))]),
    };

    private static JsonObject Warning(string id, string message) => new() { ["warning_id"] = id, ["message"] = message };
}
