using System.Text;
using System.Text.Json.Nodes;
using Hearth.Text.Analysis;
using Hearth.Text.Input;

namespace Hearth.Server.Compatible;

/// <summary>
/// Google Cloud Natural Language v1 and v2 (<c>documents:analyzeEntities</c>, <c>analyzeEntitySentiment</c>,
/// <c>analyzeSentiment</c>, <c>analyzeSyntax</c>, <c>annotateText</c>, <c>classifyText</c>, <c>moderateText</c>),
/// answered locally with Google's field names, offsets in the requested encoding, proto3 JSON enums (names or
/// numbers in, numbers out when the client asks with <c>$alt=json;enum-encoding=int</c>) and Google's error shape.
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

    private enum Method
    {
        Entities,
        EntitySentiment,
        Sentiment,
        Syntax,
        Annotate,
        Classify,
        Moderate,
    }

    public static void MapGoogleNaturalLanguage(this WebApplication app)
    {
        (string Name, Method Method, bool V1Only)[] methods =
        [
            ("analyzeEntities", Method.Entities, false),
            ("analyzeEntitySentiment", Method.EntitySentiment, true),
            ("analyzeSentiment", Method.Sentiment, false),
            ("analyzeSyntax", Method.Syntax, true),
            ("annotateText", Method.Annotate, false),
            ("classifyText", Method.Classify, false),
            ("moderateText", Method.Moderate, false),
        ];
        foreach (var (name, method, v1Only) in methods)
        {
            foreach (var version in v1Only ? ["v1"] : new[] { "v1", "v2" })
            {
                app.MapPost($"/{version}/documents:{name}", (HttpRequest request, TextAnalyzer analyzer) =>
                    AnswerAsync(request, analyzer, method, version))
                    .WithSummary($"Google Cloud Natural Language {version} {name}, locally (docs/api.md).")
                    .RequireRateLimiting(HearthServer.AnalysisPolicy);
            }
        }
    }

    private static async Task<IResult> AnswerAsync(HttpRequest request, TextAnalyzer analyzer, Method method, string version)
    {
        try
        {
            var body = await RequestJson.ReadAsync(request).ConfigureAwait(false);
            var response = Answer(body, analyzer, method, version, request.HttpContext.RequestAborted);
            var numbers = request.Query["$alt"].ToString().Contains("enum-encoding=int", StringComparison.Ordinal);
            return Results.Text(GoogleEnums.Encode(Json.WithoutNulls(response), numbers).ToJsonString(), "application/json");
        }
        catch (InvalidRequestException e)
        {
            return Error(400, $"Invalid argument: {e.Message}");
        }
    }

    private static JsonObject Answer(JsonNode? body, TextAnalyzer analyzer, Method method, string version,
        CancellationToken cancellationToken)
    {
        var document = body.Object("document")
            ?? throw new InvalidRequestException("'document' is required: {\"document\": {\"type\": \"PLAIN_TEXT\", \"content\": \"…\"}}");
        if (document.Text("gcsContentUri") is not null)
        {
            throw new InvalidRequestException("gcsContentUri is not supported: Hearth reads nothing from the network; send the text as content");
        }

        var content = document.Text("content");
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new InvalidRequestException("the document content is empty");
        }

        var type = document.Enum("type", GoogleEnums.DocumentType) ?? "PLAIN_TEXT";
        var text = type == "HTML" ? DocumentReader.HtmlText(content) : content;
        var encoding = body.Enum("encodingType", GoogleEnums.EncodingType) ?? "NONE";
        var features = method == Method.Annotate ? body.Object("features") : null;
        var wants = Wants(method, features);

        List<string> wanted = [Feature.Language, Feature.Sentences];
        wanted.AddRange(wants.Entities ? [Feature.Entities] : []);
        wanted.AddRange(wants.Sentiment || wants.EntitySentiment ? [Feature.Sentiment] : []);
        wanted.AddRange(wants.Classify || wants.Moderate ? [Feature.Categories] : []);
        var asked = document.Text(version == "v2" ? "languageCode" : "language") is { Length: > 0 } code ? code.Split('-')[0].ToLowerInvariant()
            : null;
        var result = asked is null or "en" or "fr" ? analyzer.Analyze(text, wanted, asked, cancellationToken: cancellationToken) : null;
        var language = result?.Language.Code ?? asked!;
        if (result is null || language is not ("en" or "fr"))
        {
            throw new InvalidRequestException($"the language {language} is not supported for this request (Hearth reads en and fr)");
        }

        var response = new JsonObject { [version == "v2" ? "languageCode" : "language"] = language };
        if (version == "v2")
        {
            response["languageSupported"] = true;
        }

        if (wants.Syntax || wants.Sentiment)
        {
            response["sentences"] = new JsonArray([.. result.Sentences!.Select((s, i) => (JsonNode)new JsonObject
            {
                ["text"] = Span(text, s.Text, s.Location[0], encoding),
                ["sentiment"] = wants.Sentiment && result.Sentiment is { } all
                    ? Sentiment(all.Sentences[i].Score, Math.Abs(all.Sentences[i].Score)) : null,
            })]);
        }

        if (wants.Syntax)
        {
            // Parts of speech and lemmas from the shipped joint model (English); no dependency parser yet: edges are UNKNOWN.
            var words = analyzer.Words(text, result, cancellationToken) ?? [.. Hearth.Text.Segmentation.Segmenter.Sentences(text)
                .SelectMany(s => s.Tokens).Select(t => new TaggedWord(t, "X", t.Text))];
            response["tokens"] = new JsonArray([.. words.Select(w => (JsonNode)new JsonObject
            {
                ["text"] = Span(text, w.Token.Text, w.Token.Start, encoding),
                ["partOfSpeech"] = PartOfSpeech(language == "en" ? w.PartOfSpeech : null),
                ["dependencyEdge"] = new JsonObject { ["headTokenIndex"] = 0, ["label"] = "UNKNOWN" },
                ["lemma"] = w.Lemma,
            })]);
        }

        if (wants.Sentiment && result.Sentiment is { } s)
        {
            response["documentSentiment"] = Sentiment(s.Document.Score, s.Sentences.Sum(x => Math.Abs(x.Score)));
        }

        if (wants.Entities && result.Entities is { } found)
        {
            response["entities"] = new JsonArray([.. found.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Text,
                ["type"] = EntityTypes.GetValueOrDefault(e.Type, "OTHER"),
                ["metadata"] = GoogleEntityMetadata.For(EntityTypes.GetValueOrDefault(e.Type, "OTHER"), e.Text),
                ["salience"] = version == "v2" ? null : Math.Round(e.Relevance / found.Sum(x => x.Relevance), 4),
                ["mentions"] = new JsonArray([.. e.Mentions.Select(m => (JsonNode)new JsonObject
                {
                    ["text"] = Span(text, m.Text, m.Start, encoding),
                    ["type"] = GoogleEntityMetadata.MentionType(m.Text),
                    ["sentiment"] = wants.EntitySentiment ? MentionSentiment(result, m.Start) : null,
                })]),
                ["sentiment"] = !wants.EntitySentiment ? null : result.Sentiment?.Targets.FirstOrDefault(t =>
                    t.Text.Equals(e.Text, StringComparison.OrdinalIgnoreCase)) is { } target ? Sentiment(target.Score, Math.Abs(target.Score))
                    : Sentiment(0, 0),
            })]);
        }

        if (wants.Classify)
        {
            response["categories"] = new JsonArray([.. (result.Categories ?? []).Select(c => (JsonNode)new JsonObject
            {
                ["name"] = GoogleCategories.Path(c.Label),
                ["confidence"] = Math.Round(c.Score, 4),
                ["severity"] = version == "v2" ? 0 : null,
            })]);
        }

        if (wants.Moderate)
        {
            response["moderationCategories"] = new JsonArray([.. GoogleCategories.Moderation(result.Categories ?? []).Select(m =>
                (JsonNode)new JsonObject { ["name"] = m.Name, ["confidence"] = Math.Round(m.Confidence, 4) })]);
        }

        return response;
    }

    /// <summary>Google's part of speech from a Universal POS tag (Google's tags are the 12 universal ones of Petrov et al.).</summary>
    private static JsonObject PartOfSpeech(string? upos) => new()
    {
        ["tag"] = upos switch
        {
            null => "UNKNOWN",
            "AUX" => "VERB",
            "CCONJ" or "SCONJ" => "CONJ",
            "PROPN" => "NOUN",
            "PART" => "PRT",
            "INTJ" or "SYM" => "X",
            _ => upos,
        },
        ["proper"] = upos is null ? null : upos == "PROPN" ? "PROPER" : "NOT_PROPER",
    };

    private static (bool Entities, bool EntitySentiment, bool Sentiment, bool Syntax, bool Classify, bool Moderate) Wants(Method method,
        JsonObject? features) =>
        method switch
        {
            Method.Entities => (true, false, false, false, false, false),
            Method.EntitySentiment => (true, true, false, false, false, false),
            Method.Sentiment => (false, false, true, false, false, false),
            Method.Syntax => (false, false, false, true, false, false),
            Method.Classify => (false, false, false, false, true, false),
            Method.Moderate => (false, false, false, false, false, true),
            _ => (features.Flag("extractEntities") == true || features.Flag("extractEntitySentiment") == true,
                features.Flag("extractEntitySentiment") == true,
                features.Flag("extractDocumentSentiment") == true,
                features.Flag("extractSyntax") == true,
                features.Flag("classifyText") == true,
                features.Flag("moderateText") == true),
        };

    /// <summary>A mention's sentiment: that of the sentence it stands in.</summary>
    private static JsonObject MentionSentiment(AnalysisResult result, int start)
    {
        var index = result.Sentences!.ToList().FindIndex(s => start >= s.Location[0] && start < s.Location[1]);
        return result.Sentiment is { } all && index >= 0 ? Sentiment(all.Sentences[index].Score, Math.Abs(all.Sentences[index].Score))
            : Sentiment(0, 0);
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
    internal static IResult Error(int code, string message) =>
        Results.Json(new { error = new { code, message, status = code switch
        {
            400 or 413 or 415 => "INVALID_ARGUMENT",
            401 => "UNAUTHENTICATED",
            404 => "NOT_FOUND",
            405 => "UNIMPLEMENTED",
            _ => "INTERNAL",
        } } }, statusCode: code);
}
