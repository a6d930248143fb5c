using System.Text.Json;
using System.Text.Json.Nodes;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text.Analysis;
using Hearth.Text.Emotion;
using Hearth.Text.Input;
using Hearth.Text.Sentiment;

namespace Hearth.Server.Compatible;

/// <summary>
/// IBM Watson Natural Language Understanding v1's <c>POST /v1/analyze</c>, answered locally: same paths,
/// same request and response field names, same error shape, so a Watson client switches by changing its
/// base URL. Features Hearth does not compute yet are named in <c>warnings</c>, never silently dropped.
/// </summary>
internal static class WatsonNlu
{
    public const int MaxCharacters = 50_000;

    /// <summary>Features that need what Hearth does not have (a knowledge base, a parser): named in warnings.</summary>
    private static readonly Dictionary<string, string> NotAvailable = new()
    {
        ["concepts"] = "concepts: not available in Hearth (Watson linked them to DBpedia; Hearth ships no knowledge base)",
        ["relations"] = "relations: not available in Hearth (no relation model)",
        ["semantic_roles"] = "semantic_roles: not available in Hearth (no parser)",
    };

    private static readonly JsonSerializerOptions SnakeCase =
        new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Dictionary<string, string> EntityTypes = new()
    {
        ["PERSON"] = "Person",
        ["ORGANIZATION"] = "Organization",
        ["LOCATION"] = "Location",
        ["DATE"] = "Date",
        ["TIME"] = "Time",
        ["MONEY"] = "Money",
        ["PERCENT"] = "Percent",
        ["QUANTITY"] = "Quantity",
        ["EMAIL"] = "EmailAddress",
        ["URL"] = "URL",
    };

    public static void MapWatsonNlu(this WebApplication app)
    {
        app.MapPost("/v1/analyze", AnalyzeAsync).WithSummary("Watson Natural Language Understanding v1 analyze, locally (docs/api.md).")
            .RequireRateLimiting(HearthServer.AnalysisPolicy);

        // Watson's custom models are, on a Hearth node, the models trained here with 'hearth train' (listed, used by name).
        var models = app.MapGroup("/v1/models");
        models.MapGet("", (HttpRequest r, ModelStore store) => Versioned(r, () => Results.Json(new { models = Listed(store) }, SnakeCase)))
            .WithSummary("The models trained on this node ('hearth train'), as Watson NLU custom models.");
        foreach (var kind in new[] { "categories", "classifications" })
        {
            models.MapGet($"/{kind}", (HttpRequest r, ModelStore store) =>
                    Versioned(r, () => Results.Json(new { models = Listed(store) }, SnakeCase)))
                .WithSummary($"The models trained on this node, as Watson NLU custom {kind} models.");
            models.MapPost($"/{kind}", (HttpRequest r) => Versioned(r, () => Json.WatsonError(
                "custom Watson models cannot be trained through this API on a Hearth node: train a local model with 'hearth train' and name it "
                    + "with the 'model' parameter")))
                .WithSummary($"Watson NLU custom {kind} model creation: refused with the local alternative.");
            models.MapGet($"/{kind}/{{id}}", (HttpRequest r, string id, ModelStore store) => Versioned(r, () =>
                    Listed(store).FirstOrDefault(m => m.ModelId == id) is { } model ? Results.Json(model, SnakeCase) : NoModel(id)))
                .WithSummary($"One model trained on this node, as a Watson NLU custom {kind} model.");
            models.MapMethods($"/{kind}/{{id}}", ["PUT", "DELETE"], (HttpRequest r, string id, ModelStore store) => Versioned(r, () =>
                    Listed(store).All(m => m.ModelId != id) ? NoModel(id) : Json.WatsonError("models are changed on the node's machine "
                        + $"('hearth train', HEARTH_HOME/models), not through this API: {id} is unchanged")))
                .WithSummary($"Watson NLU custom {kind} model changes: refused with the local alternative.");
        }

        models.MapDelete("/{id}", (HttpRequest r, string id) => Versioned(r, () => NoModel(id)))
            .WithSummary("Watson NLU model deletion: none exists in Hearth.");
    }

    /// <summary>
    /// The models Watson's <c>model</c> parameters name: <c>features.classifications.model</c> (required: Hearth has no
    /// default classifier) and <c>features.sentiment.model</c>, both models trained with <c>hearth train</c>.
    /// </summary>
    private static ModelChoice Models(JsonObject features, TrainedModels trained)
    {
        if (features.ContainsKey("classifications") && features.Object("classifications").Text("model") is null)
        {
            throw new InvalidRequestException("features.classifications.model is required: the name of a model trained with 'hearth train'");
        }

        var named = ModelChoice.Features.Select(f => (Feature: f, Model: features.Object(f).Text("model"))).Where(m => m.Model is not null);
        try
        {
            return ModelChoice.From([.. named.Select(m => (m.Feature, m.Model!))], trained);
        }
        catch (ArgumentException e)
        {
            throw new InvalidRequestException(e.Message);
        }
    }

    private static IResult Versioned(HttpRequest request, Func<IResult> answer) =>
        string.IsNullOrEmpty(request.Query["version"]) ? Json.WatsonError("Missing required query parameter 'version' (e.g. ?version=2022-04-07)")
            : answer();

    /// <summary>A model trained on this node, in the fields of Watson's custom model listing.</summary>
    private sealed record WatsonModel(string Name, string ModelId, string Language, string Description, string Status, string[] Features,
        DateTimeOffset Created, DateTimeOffset LastTrained);

    private static List<WatsonModel> Listed(ModelStore store) =>
    [
        .. store.Names().Select(name =>
        {
            try
            {
                var c = store.Card(name);
                return new WatsonModel(c.Name, c.Name, "en", $"hearth train {c.Task}: {string.Join(", ", c.Labels)}", "available",
                    c.Task == "sentiment" ? ["sentiment", "classifications"] : ["classifications"], c.Created, c.Created);
            }
            catch (ModelFileException)
            {
                return null; // being trained, or damaged: not usable, so not listed ('hearth models' says why)
            }
        }).OfType<WatsonModel>(),
    ];

    private static IResult NoModel(string id) => Json.WatsonError($"model {id} not found", 404);

    private static async Task<IResult> AnalyzeAsync(HttpRequest request, TextAnalyzer analyzer, TrainedModels trained)
    {
        if (string.IsNullOrEmpty(request.Query["version"]))
        {
            return Json.WatsonError("Missing required query parameter 'version' (e.g. ?version=2022-04-07)");
        }

        try
        {
            return Answer(await RequestJson.ReadAsync(request).ConfigureAwait(false), analyzer, trained, request.HttpContext.RequestAborted);
        }
        catch (InvalidRequestException e)
        {
            return Json.WatsonError($"invalid request: {e.Message}");
        }
        catch (ModelFileException e)
        {
            return Json.WatsonError($"model not found or not usable: {e.Message}", 404);
        }
    }

    private static IResult Answer(JsonNode? body, TextAnalyzer analyzer, TrainedModels trained, CancellationToken cancellationToken)
    {
        var text = body.Text("text") ?? (body.Text("html") is { } html ? DocumentReader.HtmlText(html) : null);
        if (body.Member("url") is not null)
        {
            return Json.WatsonError("url input is not supported: Hearth fetches nothing from the network; send the page as html");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Json.WatsonError("invalid request: content is empty");
        }

        if (body.Object("features") is not { Count: > 0 } features)
        {
            return Json.WatsonError("invalid request: no features requested (e.g. \"features\": {\"entities\": {}, \"keywords\": {}})");
        }

        var warnings = new List<string>();
        if (text.Length > MaxCharacters)
        {
            text = text[..MaxCharacters];
            warnings.Add($"analyzed text truncated to {MaxCharacters} characters");
        }

        var wanted = new List<string> { Feature.Language };
        if (features.ContainsKey("entities"))
        {
            wanted.Add(Feature.Entities);
        }

        if (features.ContainsKey("keywords"))
        {
            wanted.Add(Feature.Keywords);
        }

        if (features.ContainsKey("syntax"))
        {
            wanted.Add(Feature.Sentences);
        }

        var targeted = features.Object("entities").Flag("sentiment") == true || features.Object("keywords").Flag("sentiment") == true;
        if (features.ContainsKey("sentiment") || targeted)
        {
            wanted.Add(Feature.Sentiment);
        }

        var emotionTargeted = features.Object("entities").Flag("emotion") == true
            || features.Object("keywords").Flag("emotion") == true;
        if (features.ContainsKey("emotion") || emotionTargeted)
        {
            wanted.Add(Feature.Emotion);
        }

        if (features.ContainsKey("categories"))
        {
            wanted.Add(Feature.Categories);
        }

        if (features.ContainsKey("classifications"))
        {
            wanted.Add(Feature.Classifications);
        }

        var choice = Models(features, trained);
        warnings.AddRange(features.Select(f => f.Key).Where(NotAvailable.ContainsKey).Select(f => NotAvailable[f]));
        var asked = body.Text("language")?.Split('-')[0].ToLowerInvariant();
        if (asked is not (null or "en" or "fr"))
        {
            return Json.WatsonError($"unsupported text language: {asked}");
        }

        var result = analyzer.Analyze(text, wanted, asked, choice, cancellationToken);
        Func<string, JsonNode?> emotionOf = target =>
            result.Emotion?.Targets.FirstOrDefault(t => string.Equals(t.Text, target, StringComparison.OrdinalIgnoreCase)) is { } e
            ? Emotions(e.Emotion)
            : null;
        Func<string, JsonNode?> sentimentOf = target =>
            result.Sentiment?.Targets.FirstOrDefault(t => string.Equals(t.Text, target, StringComparison.OrdinalIgnoreCase)) is { } s
            ? new JsonObject { ["score"] = s.Score, ["label"] = s.Label }
            : null;
        var language = result.Language.Code;
        if (language is not ("en" or "fr"))
        {
            return Json.WatsonError($"unsupported text language: {language}");
        }

        var response = new JsonObject
        {
            ["usage"] = new JsonObject { ["text_units"] = (text.Length + 9_999) / 10_000, ["text_characters"] = text.Length,
                ["features"] = features.Count },
            ["language"] = language,
        };
        if (body.Flag("return_analyzed_text") == true)
        {
            response["analyzed_text"] = text;
        }

        if (features.ContainsKey("metadata"))
        {
            if (body.Text("html") is { } page && body.Text("text") is null)
            {
                var metadata = HtmlMetadata.Read(page);
                response["metadata"] = new JsonObject
                {
                    ["title"] = metadata.Title ?? "",
                    ["authors"] = new JsonArray([.. metadata.Authors.Select(a => (JsonNode)new JsonObject { ["name"] = a })]),
                    ["publication_date"] = metadata.PublicationDate ?? "",
                    ["image"] = metadata.Image ?? "",
                    ["feeds"] = new JsonArray([.. metadata.Feeds.Select(f => (JsonNode)new JsonObject { ["link"] = f })]),
                };
            }
            else
            {
                warnings.Add("metadata: only available for html input");
            }
        }

        if (result.Entities is { } entities)
        {
            var limit = features.Object("entities").Integer("limit", 1, 10_000) ?? 50;
            var mentions = features.Object("entities").Flag("mentions") == true;
            response["entities"] = new JsonArray([.. entities.Take(limit).Select(e => (JsonNode)new JsonObject
            {
                ["type"] = EntityTypes.GetValueOrDefault(e.Type, e.Type),
                ["text"] = e.Text,
                ["relevance"] = e.Relevance,
                ["count"] = e.Count,
                ["confidence"] = e.Confidence,
                ["sentiment"] = features.Object("entities").Flag("sentiment") == true ? sentimentOf(e.Text) : null,
                ["emotion"] = features.Object("entities").Flag("emotion") == true ? emotionOf(e.Text) : null,
                ["mentions"] = mentions ? new JsonArray([.. e.Mentions.Select(m =>
                    (JsonNode)new JsonObject { ["text"] = m.Text, ["location"] = new JsonArray(m.Start, m.End), ["confidence"] = m.Confidence })])
                        : null,
            })]);
        }

        if (result.Keywords is { } keywords)
        {
            var limit = features.Object("keywords").Integer("limit", 1, 10_000) ?? 50;
            var withSentiment = features.Object("keywords").Flag("sentiment") == true;
            response["keywords"] = new JsonArray([.. keywords.Take(limit).Select(k => (JsonNode)new JsonObject
            {
                ["text"] = k.Text,
                ["relevance"] = k.Relevance,
                ["count"] = k.Count,
                ["sentiment"] = withSentiment ? sentimentOf(k.Text) : null,
                ["emotion"] = features.Object("keywords").Flag("emotion") == true ? emotionOf(k.Text) : null,
            })]);
        }

        if (result.Categories is { } categories)
        {
            var limit = features.Object("categories").Integer("limit", 1, 10_000) ?? 3;
            response["categories"] = new JsonArray([.. categories.Take(limit).Select(c =>
                (JsonNode)new JsonObject { ["score"] = c.Score, ["label"] = c.Label })]);
        }

        if (features.ContainsKey("sentiment") && result.Sentiment is { } sentiment)
        {
            var targets = features.Object("sentiment").Texts("targets") ?? [];
            var sentimentNode = new JsonObject { ["document"] = new JsonObject { ["score"] = sentiment.Document.Score,
                ["label"] = sentiment.Document.Label } };
            if (targets.Count > 0)
            {
                // Watson scores each requested target from the sentences that mention it.
                sentimentNode["targets"] = new JsonArray([.. targets.Select(t =>
                {
                    var mentioning = sentiment.Sentences.Where(s => s.Text.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
                    var score = SentimentScore.From(mentioning.Count == 0 ? 0 : mentioning.Average(s => s.Score), sentiment.NeutralBand);
                    return (JsonNode)new JsonObject { ["text"] = t, ["score"] = score.Score, ["label"] = score.Label };
                })]);
            }

            response["sentiment"] = sentimentNode;
        }

        if (result.Classifications is { } classes)
        {
            response["classifications"] = new JsonArray([.. classes.Select(c =>
                (JsonNode)new JsonObject { ["class_name"] = c.Label, ["confidence"] = c.Confidence })]);
        }

        if (features.ContainsKey("emotion") && result.Emotion is { } emotion)
        {
            var targets = features.Object("emotion").Texts("targets") ?? [];
            var emotionNode = new JsonObject { ["document"] = new JsonObject { ["emotion"] = Emotions(emotion.Document) } };
            if (targets.Count > 0)
            {
                emotionNode["targets"] = new JsonArray([.. targets.Select(t => (JsonNode)new JsonObject
                {
                    ["text"] = t,
                    ["emotion"] = Emotions(Average([.. emotion.Sentences.Where(s =>
                        s.Text.Contains(t, StringComparison.OrdinalIgnoreCase)).Select(s => s.Emotion)])),
                })]);
            }

            response["emotion"] = emotionNode;
        }

        if (result.Sentences is { } sentences)
        {
            var syntax = features.Object("syntax");
            response["syntax"] = new JsonObject
            {
                ["sentences"] = syntax.Flag("sentences") == false ? null : new JsonArray([.. sentences.Select(s =>
                    (JsonNode)new JsonObject { ["text"] = s.Text, ["location"] = new JsonArray(s.Location[0], s.Location[1]) })]),
                ["tokens"] = syntax.Object("tokens") is { } tokens ? SyntaxTokens(text, result, tokens, analyzer, cancellationToken)
                    : null,
            };
        }

        if (warnings.Count > 0)
        {
            response["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode)w)]);
        }

        return Results.Text(Json.WithoutNulls(response).ToJsonString(), "application/json");
    }

    /// <summary>Watson's syntax tokens: text and location, with the part of speech (Universal POS) and lemma when asked (English).</summary>
    private static JsonArray SyntaxTokens(string text, AnalysisResult result, JsonObject options, TextAnalyzer analyzer,
        CancellationToken cancellationToken)
    {
        var tagged = analyzer.Words(text, result, cancellationToken);
        var tokens = tagged ?? [.. Hearth.Text.Segmentation.Segmenter.Sentences(text).SelectMany(s => s.Tokens)
            .Select(t => new TaggedWord(t, "", ""))];
        return new JsonArray([.. tokens.Select(w => (JsonNode)new JsonObject
        {
            ["text"] = w.Token.Text,
            ["part_of_speech"] = tagged is not null && options.Flag("part_of_speech") == true ? w.PartOfSpeech : null,
            ["location"] = new JsonArray(w.Token.Start, w.Token.End),
            ["lemma"] = tagged is not null && options.Flag("lemma") == true ? w.Lemma : null,
        })]);
    }

    private static JsonObject Emotions(EmotionScores e) =>
        new() { ["anger"] = e.Anger, ["disgust"] = e.Disgust, ["fear"] = e.Fear, ["joy"] = e.Joy, ["sadness"] = e.Sadness };

    private static EmotionScores Average(IReadOnlyList<EmotionScores> scores) => scores.Count == 0
        ? new EmotionScores(0, 0, 0, 0, 0)
        : new EmotionScores(scores.Average(s => s.Anger), scores.Average(s => s.Disgust), scores.Average(s => s.Fear), scores.Average(s => s.Joy),
            scores.Average(s => s.Sadness));
}
