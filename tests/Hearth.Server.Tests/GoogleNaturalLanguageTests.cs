using System.Net;
using System.Text;
using System.Text.Json;

namespace Hearth.Server.Tests;

/// <summary>The Google Cloud Natural Language v1 endpoints, called as a Google client calls them.</summary>
public sealed class GoogleNaturalLanguageTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnalyzeSyntax_tags_each_token_with_googles_part_of_speech_and_its_lemma()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """{"document": {"type": "PLAIN_TEXT", "content": "Anna visited two museums in Paris."}}""";

        using var json = JsonDocument.Parse(await (await node.Http.PostAsync("/v1/documents:analyzeSyntax", Json(Body))).Content.ReadAsStringAsync());

        var tokens = json.RootElement.GetProperty("tokens").EnumerateArray().Select(t => (
            Text: t.GetProperty("text").GetProperty("content").GetString(),
            Tag: t.GetProperty("partOfSpeech").GetProperty("tag").GetString(),
            Proper: t.GetProperty("partOfSpeech").GetProperty("proper").GetString(),
            Lemma: t.GetProperty("lemma").GetString())).ToList();
        Assert.Equal(["Anna", "visited", "two", "museums", "in", "Paris", "."], tokens.Select(t => t.Text));
        Assert.Equal(["NOUN", "VERB", "NUM", "NOUN", "ADP", "NOUN", "PUNCT"], tokens.Select(t => t.Tag));
        Assert.Equal(["PROPER", "NOT_PROPER", "NOT_PROPER", "NOT_PROPER", "NOT_PROPER", "PROPER", "NOT_PROPER"], tokens.Select(t => t.Proper));
        Assert.Equal(["Anna", "visit", "two", "museum", "in", "Paris", "."], tokens.Select(t => t.Lemma));
    }

    [Fact]
    public async Task AnalyzeEntities_gives_googles_types_salience_and_offsets_in_the_requested_encoding()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """
            {"document": {"type": "PLAIN_TEXT", "language": "en", "content": "Café prices rose 12% on 3 March 2026, to €4.50."},
             "encodingType": "UTF8"}
            """;

        using var json = JsonDocument.Parse(await (await node.Http.PostAsync("/v1/documents:analyzeEntities",
            Json(Body))).Content.ReadAsStringAsync());

        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        var date = entities.Single(e => e.GetProperty("type").GetString() == "DATE");
        Assert.Equal("3 March 2026", date.GetProperty("name").GetString());
        Assert.Equal(25, date.GetProperty("mentions")[0].GetProperty("text").GetProperty("beginOffset").GetInt32()); // bytes: "é" takes two
        Assert.Contains(entities, e => e.GetProperty("type").GetString() == "NUMBER" && e.GetProperty("name").GetString() == "12%");
        Assert.Equal(1.0, entities.Sum(e => e.GetProperty("salience").GetDouble()), 2);
        Assert.False(date.TryGetProperty("sentiment", out _));
        Assert.Equal("en", json.RootElement.GetProperty("language").GetString());
        // Google's metadata for dates, prices and numbers; figures are mentions of unknown type, not proper names.
        Assert.Equal(("2026", "3", "3"), (date.GetProperty("metadata").GetProperty("year").GetString(),
            date.GetProperty("metadata").GetProperty("month").GetString(), date.GetProperty("metadata").GetProperty("day").GetString()));
        var price = entities.Single(e => e.GetProperty("type").GetString() == "PRICE").GetProperty("metadata");
        Assert.Equal(("4.50", "EUR"), (price.GetProperty("value").GetString(), price.GetProperty("currency").GetString()));
        Assert.Equal("TYPE_UNKNOWN", date.GetProperty("mentions")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnalyzeSentiment_gives_a_document_score_and_magnitude_and_one_per_sentence()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """
            {"document": {"type": "PLAIN_TEXT", "content": "The screen is gorgeous. The battery is awful."}, "encodingType": "UTF16"}
            """;

        using var json = JsonDocument.Parse(await (await node.Http.PostAsync("/v1/documents:analyzeSentiment",
            Json(Body))).Content.ReadAsStringAsync());

        var sentences = json.RootElement.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(24, sentences[1].GetProperty("text").GetProperty("beginOffset").GetInt32());
        Assert.True(sentences[0].GetProperty("sentiment").GetProperty("score").GetDouble() > 0);
        Assert.True(sentences[1].GetProperty("sentiment").GetProperty("score").GetDouble() < 0);
        Assert.True(json.RootElement.GetProperty("documentSentiment").GetProperty("magnitude").GetDouble() > 0.5);
    }

    [Fact]
    public async Task AnnotateText_returns_what_was_asked_and_classifies_under_googles_category_paths()
    {
        await using var node = await TestNode.StartAsync();
        const string Syntax = """
            {"document": {"type": "PLAIN_TEXT", "content": "Meet at 10:30 am."}, "features": {"extractSyntax": true, "extractEntities": true}}
            """;
        const string Classify = """
            {"document": {"type": "PLAIN_TEXT", "content": "The striker scored twice and the team won the cup final."},
             "features": {"classifyText": true}}
            """;

        using var json = JsonDocument.Parse(await (await node.Http.PostAsync("/v1/documents:annotateText",
            Json(Syntax))).Content.ReadAsStringAsync());
        using var classified = JsonDocument.Parse(await (await node.Http.PostAsync("/v1/documents:annotateText",
            Json(Classify))).Content.ReadAsStringAsync());

        Assert.Equal(5, json.RootElement.GetProperty("tokens").GetArrayLength());
        Assert.Equal(-1, json.RootElement.GetProperty("tokens")[0].GetProperty("text").GetProperty("beginOffset").GetInt32()); // encodingType NONE
        Assert.Equal("DATE", json.RootElement.GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.False(json.RootElement.TryGetProperty("documentSentiment", out _));
        Assert.Equal("/Sports", classified.RootElement.GetProperty("categories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Enums_sent_as_numbers_are_read_and_answered_as_numbers_when_the_client_asks_as_googles_rest_client_does()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """{"document": {"type": 1, "content": "Marie Curie moved to Paris on 3 March 1891."}, "encodingType": 1}""";

        var response = await node.Http.PostAsync("/v1/documents:analyzeEntities?$alt=json%3Benum-encoding=int", Json(Body));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("type").GetInt32() == 11); // DATE
        Assert.All(entities, e => Assert.Equal(e.GetProperty("type").GetInt32() == 11 ? 0 : 1, // TYPE_UNKNOWN for the date, PROPER for names
            e.GetProperty("mentions")[0].GetProperty("type").GetInt32()));
    }

    [Fact]
    public async Task The_v2_api_answers_with_language_code_and_without_salience()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """{"document": {"type": "PLAIN_TEXT", "languageCode": "en", "content": "Anna loves Lyon."}}""";

        using var response = await node.Http.PostAsync("/v2/documents:analyzeEntities", Json(Body));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("en", json.RootElement.GetProperty("languageCode").GetString());
        Assert.False(json.RootElement.GetProperty("entities")[0].TryGetProperty("salience", out _));
    }

    [Theory]
    [InlineData("""{"document": {"type": "PLAIN_TEXT", "content": ""}}""", "content is empty")]
    [InlineData("""{"document": {"gcsContentUri": "gs://bucket/file.txt"}}""", "gcsContentUri is not supported")]
    [InlineData("""{"document": {"type": "PLAIN_TEXT", "content": "Guten Morgen, wie geht es Ihnen heute?"}}""", "language de is not supported")]
    [InlineData("""{"document": {"content": "Hello there."}, "encodingType": "UTF7"}""", "'encodingType' must be one of NONE")]
    [InlineData("""{"document": {"content": 5}}""", "'document.content' must be a string")]
    [InlineData("""{"document": "hello"}""", "'document' must be an object")]
    public async Task Bad_requests_get_googles_error_shape(string body, string expected)
    {
        await using var node = await TestNode.StartAsync();

        var response = await node.Http.PostAsync("/v1/documents:analyzeEntities", Json(body));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, json.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(expected, json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
