using System.Text.Json.Nodes;
using Hearth.Text.Analysis;
using Hearth.Text.Tone;

namespace Hearth.Server.Compatible;

/// <summary>
/// IBM Watson Tone Analyzer v3's <c>POST /v3/tone</c> (retired by IBM in February 2023), back and local:
/// JSON <c>{"text": …}</c> or a plain-text body, <c>document_tone</c> and <c>sentences_tone</c> with Watson's
/// field names, only tones scoring 0.5 or more, sentence tones for the first 100 sentences.
/// </summary>
internal static class WatsonTone
{
    private const int MaxBytes = 128 * 1024;
    private const int MaxSentences = 100;

    public static void MapWatsonTone(this WebApplication app) =>
        app.MapPost("/v3/tone", ToneAsync).WithSummary("Watson Tone Analyzer v3, locally: anger, fear, joy, sadness, analytical, confident, "
            + "tentative.");

    private static async Task<IResult> ToneAsync(HttpRequest request, TextAnalyzer analyzer)
    {
        if (string.IsNullOrEmpty(request.Query["version"]))
        {
            return Json.WatsonError("Missing required query parameter 'version' (e.g. ?version=2017-09-21)");
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        if (body.Length > MaxBytes)
        {
            return Json.WatsonError($"The text exceeds the limit of {MaxBytes / 1024} KB; split it into several requests", 413);
        }

        string? text;
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                text = JsonNode.Parse(body)?["text"]?.GetValue<string>();
            }
            catch (System.Text.Json.JsonException e)
            {
                return Json.WatsonError($"Invalid JSON input: {e.Message}");
            }
        }
        else
        {
            text = body; // text/plain, as Watson accepted
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Json.WatsonError("No text given: send {\"text\": \"…\"} or a text/plain body");
        }

        var result = analyzer.Analyze(text, [Feature.Language, Feature.Tone]);
        if (result.Language.Code is not ("en" or "fr"))
        {
            return Json.WatsonError($"unsupported text language: {result.Language.Code}");
        }

        var tone = result.Tone!;
        var response = new JsonObject { ["document_tone"] = new JsonObject { ["tones"] = Tones(tone.Document) } };
        var wantSentences = !string.Equals(request.Query["sentences"], "false", StringComparison.OrdinalIgnoreCase);
        if (wantSentences && tone.Sentences.Count > 1)
        {
            response["sentences_tone"] = new JsonArray([.. tone.Sentences.Take(MaxSentences).Select(s => (JsonNode)new JsonObject
            {
                ["sentence_id"] = s.SentenceId,
                ["text"] = s.Text,
                ["tones"] = Tones(s.Tones),
            })]);
        }

        if (tone.Sentences.Count > MaxSentences)
        {
            response["warning"] = $"sentence tones are given for the first {MaxSentences} sentences only";
        }

        return Results.Text(response.ToJsonString(), "application/json");
    }

    private static JsonArray Tones(IReadOnlyList<ToneScore> tones) =>
        new([.. tones.Select(t => (JsonNode)new JsonObject { ["score"] = t.Score, ["tone_id"] = t.ToneId, ["tone_name"] = t.ToneName })]);
}
