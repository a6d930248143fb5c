using System.Text.Json.Nodes;
using Hearth.Text.Analysis;
using Hearth.Text.Input;
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

    /// <summary>Customer-engagement tones of <c>tone_chat</c>, from the tones Hearth computes (the others need a model Hearth has not).</summary>
    private static readonly Dictionary<string, (string Id, string Name)> ChatTones = new()
    {
        ["sadness"] = ("sad", "Sad"),
        ["anger"] = ("frustrated", "Frustrated"),
        ["joy"] = ("satisfied", "Satisfied"),
    };

    public static void MapWatsonTone(this WebApplication app)
    {
        app.MapPost("/v3/tone", ToneAsync).WithSummary("Watson Tone Analyzer v3, locally: anger, fear, joy, sadness, analytical, confident, "
            + "tentative.").RequireRateLimiting(HearthServer.AnalysisPolicy);
        app.MapPost("/v3/tone_chat", ToneChatAsync)
            .WithSummary("Watson Tone Analyzer v3 tone_chat, locally: sad, frustrated, satisfied per utterance.")
            .RequireRateLimiting(HearthServer.AnalysisPolicy);
    }

    private static async Task<IResult> ToneChatAsync(HttpRequest request, TextAnalyzer analyzer)
    {
        if (string.IsNullOrEmpty(request.Query["version"]))
        {
            return Json.WatsonError("Missing required query parameter 'version' (e.g. ?version=2017-09-21)");
        }

        try
        {
            var utterances = (await RequestJson.ReadAsync(request).ConfigureAwait(false)).Member("utterances") as JsonArray;
            if (utterances is not { Count: > 0 and <= 50 })
            {
                return Json.WatsonError(
                    "Invalid JSON input: send {\"utterances\": [{\"text\": \"…\", \"user\": \"customer\"}]} with 1 to 50 utterances");
            }

            var answers = new JsonArray();
            for (var i = 0; i < utterances.Count; i++)
            {
                var text = utterances[i].Text("text") ?? throw new InvalidRequestException($"utterance {i} has no text");
                var tones = analyzer.Analyze(text, [Feature.Language, Feature.Tone], cancellationToken: request.HttpContext.RequestAborted)
                    .Tone!.Document
                    .Where(t => ChatTones.ContainsKey(t.ToneId))
                    .Select(t => (JsonNode)new JsonObject
                    {
                        ["score"] = t.Score, ["tone_id"] = ChatTones[t.ToneId].Id, ["tone_name"] = ChatTones[t.ToneId].Name,
                    });
                answers.Add(new JsonObject { ["utterance_id"] = i, ["utterance_text"] = text, ["tones"] = new JsonArray([.. tones]) });
            }

            return Results.Text(new JsonObject { ["utterances_tone"] = answers }.ToJsonString(), "application/json");
        }
        catch (InvalidRequestException e)
        {
            return Json.WatsonError($"Invalid JSON input: {e.Message}");
        }
    }

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
                text = RequestJson.Parse(body).Text("text");
            }
            catch (InvalidRequestException e)
            {
                return Json.WatsonError($"Invalid JSON input: {e.Message}");
            }
        }
        else
        {
            // text/plain as it is; text/html without its markup, scripts and styles.
            text = request.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true ? DocumentReader.HtmlText(body) : body;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Json.WatsonError("No text given: send {\"text\": \"…\"} or a text/plain body");
        }

        var result = analyzer.Analyze(text, [Feature.Language, Feature.Tone], null, cancellationToken: request.HttpContext.RequestAborted);
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
                ["input_from"] = s.Location[0],
                ["input_to"] = s.Location[1],
                ["tones"] = Tones(s.Tones),
            })]);
        }

        if (tone.Sentences.Count > MaxSentences)
        {
            response["document_tone"]!["warning"] = $"WARNING: Sentence level tone analysis is only computed for the first {MaxSentences} sentences";
        }

        return Results.Text(response.ToJsonString(), "application/json");
    }

    private static JsonArray Tones(IReadOnlyList<ToneScore> tones) =>
        new([.. tones.Select(t => (JsonNode)new JsonObject { ["score"] = t.Score, ["tone_id"] = t.ToneId, ["tone_name"] = t.ToneName })]);
}
