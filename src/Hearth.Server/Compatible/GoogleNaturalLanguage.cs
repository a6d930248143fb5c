using System.Text;
using System.Text.Json.Nodes;
using Hearth.Text.Analysis;
using Hearth.Text.Input;

namespace Hearth.Server.Compatible;

/// <summary>
/// Google Cloud Natural Language v1 (<c>documents:analyzeEntities</c>, <c>documents:analyzeSentiment</c>,
/// <c>documents:annotateText</c>), answered locally with Google's field names, offsets in the requested
/// encoding, and Google's error shape. What Hearth cannot do yet is refused with INVALID_ARGUMENT, not faked.
/// </summary>
internal static class GoogleNaturalLanguage
{
    private static readonly Dictionary<string, string> EntityTypes = new()
    {
        ["PERSON"] = "PERSON",
        ["ORGANIZATION"] = "ORGANIZATION",
        ["LOCATION"] = "LOCATION",
        ["DATE"] = "DATE",
        ["TIME"] = "DATE",
        ["MONEY"] = "PRICE",
        ["PERCENT"] = "NUMBER",
        ["QUANTITY"] = "NUMBER",
    };

    public static void MapGoogleNaturalLanguage(this WebApplication app)
    {
        app.MapPost("/v1/documents:analyzeEntities", (HttpRequest r, TextAnalyzer a) =>
                WithBodyAsync(r, body => Answer(body, a, entities: true, sentiment: false, syntax: false, entitySentiment: false)))
            .WithSummary("Google Cloud Natural Language v1 analyzeEntities, locally.");
        app.MapPost("/v1/documents:analyzeSentiment", (HttpRequest r, TextAnalyzer a) =>
                WithBodyAsync(r, body => Answer(body, a, entities: false, sentiment: true, syntax: false, entitySentiment: false)))
            .WithSummary("Google Cloud Natural Language v1 analyzeSentiment, locally.");
        app.MapPost("/v1/documents:annotateText", AnnotateText)
            .WithSummary("Google Cloud Natural Language v1 annotateText, locally (no part-of-speech tags, no classification yet).");
    }

    private static Task<IResult> AnnotateText(HttpRequest request, TextAnalyzer analyzer) => WithBodyAsync(request, body =>
    {
        var features = body?["features"];
        if (features?["classifyText"]?.GetValue<bool>() == true || features?["moderateText"]?.GetValue<bool>() == true)
        {
            return Error(400, "classifyText and moderateText are not available in this Hearth node yet");
        }

        var entitySentiment = features?["extractEntitySentiment"]?.GetValue<bool>() == true;
        return Answer(body, analyzer,
            entities: features?["extractEntities"]?.GetValue<bool>() == true || entitySentiment,
            sentiment: features?["extractDocumentSentiment"]?.GetValue<bool>() == true,
            syntax: features?["extractSyntax"]?.GetValue<bool>() == true,
            entitySentiment);
    });

    /// <summary>Reads the request's JSON once and answers from it, or gives Google's error for a body that is not JSON.</summary>
    private static async Task<IResult> WithBodyAsync(HttpRequest request, Func<JsonNode?, IResult> answer)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Error(400, $"Invalid JSON payload received. {e.Message}");
        }

        return answer(body);
    }

    private static IResult Answer(JsonNode? body, TextAnalyzer analyzer, bool entities, bool sentiment, bool syntax, bool entitySentiment)
    {
        var document = body?["document"];
        var content = document?["content"]?.GetValue<string>();
        if (document?["gcsContentUri"] is not null)
        {
            return Error(400, "gcsContentUri is not supported: Hearth reads nothing from the network; send the text as content");
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            return Error(400, "The document content is empty.");
        }

        var text = document!["type"]?.GetValue<string>() == "HTML" ? DocumentReader.HtmlText(content) : content;
        var encoding = body!["encodingType"]?.GetValue<string>() ?? "NONE";
        if (encoding is not ("NONE" or "UTF8" or "UTF16" or "UTF32"))
        {
            return Error(400, $"Invalid value at 'encoding_type' ({encoding}): use NONE, UTF8, UTF16 or UTF32");
        }

        List<string> wanted = [Feature.Language, Feature.Sentences];
        wanted.AddRange(entities ? [Feature.Entities] : []);
        wanted.AddRange(sentiment || entitySentiment ? [Feature.Sentiment] : []);
        var result = analyzer.Analyze(text, wanted);
        var language = document["language"]?.GetValue<string>() ?? result.Language.Code;
        if (language is not ("en" or "fr"))
        {
            return Error(400, $"The language {language} is not supported for this request.");
        }

        var response = new JsonObject { ["language"] = language };
        if (syntax || sentiment)
        {
            response["sentences"] = new JsonArray([.. result.Sentences!.Select((s, i) => (JsonNode)new JsonObject
            {
                ["text"] = Span(text, s.Text, s.Location[0], encoding),
                ["sentiment"] = sentiment && result.Sentiment is { } all ? Sentiment(all.Sentences[i].Score, Math.Abs(all.Sentences[i].Score)) : null,
            })]);
        }

        if (syntax)
        {
            // Tokens with their offsets; part-of-speech tags and dependency edges are not computed yet.
            response["tokens"] = new JsonArray([.. Hearth.Text.Segmentation.Segmenter.Tokenize(text).Select(t => (JsonNode)new JsonObject
            {
                ["text"] = Span(text, t.Text, t.Start, encoding),
                ["partOfSpeech"] = new JsonObject { ["tag"] = "UNKNOWN" },
                ["lemma"] = t.Text,
            })]);
        }

        if (sentiment && result.Sentiment is { } s)
        {
            response["documentSentiment"] = Sentiment(s.Document.Score, s.Sentences.Sum(x => Math.Abs(x.Score)));
        }

        if (entities && result.Entities is { } found)
        {
            response["entities"] = new JsonArray([.. found.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Text,
                ["type"] = EntityTypes.GetValueOrDefault(e.Type, "OTHER"),
                ["metadata"] = new JsonObject(),
                ["salience"] = Math.Round(e.Relevance / found.Sum(x => x.Relevance), 4),
                ["mentions"] = new JsonArray([.. e.Mentions.Select(m =>
                    (JsonNode)new JsonObject { ["text"] = Span(text, m.Text, m.Start, encoding), ["type"] = "PROPER" })]),
                ["sentiment"] = !entitySentiment ? null : result.Sentiment?.Targets.FirstOrDefault(t =>
                    t.Text.Equals(e.Text, StringComparison.OrdinalIgnoreCase)) is { } target ? Sentiment(target.Score, Math.Abs(target.Score)) : null,
            })]);
        }

        return Results.Text(Json.WithoutNulls(response).ToJsonString(), "application/json");
    }

    /// <summary>Google's TextSpan: the content and its offset in the unit <paramref name="encoding"/> says (-1 for NONE).</summary>
    private static JsonObject Span(string text, string content, int utf16Offset, string encoding) => new()
    {
        ["content"] = content,
        ["beginOffset"] = encoding switch
        {
            "UTF8" => Encoding.UTF8.GetByteCount(text.AsSpan(0, utf16Offset)),
            "UTF16" => utf16Offset,
            "UTF32" => text[..utf16Offset].EnumerateRunes().Count(),
            _ => -1,
        },
    };

    private static JsonObject Sentiment(double score, double magnitude) =>
        new() { ["magnitude"] = Math.Round(magnitude, 4), ["score"] = Math.Round(score, 4) };

    /// <summary>Google's error shape.</summary>
    private static IResult Error(int code, string message) =>
        Results.Json(new { error = new { code, message, status = "INVALID_ARGUMENT" } }, statusCode: code);
}
