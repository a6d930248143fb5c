using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hearth.Server.Tests;

/// <summary>The Watson NLU v1 endpoint called the way an existing Watson client calls it: same path, same JSON, API-key auth.</summary>
public sealed class WatsonNluTests
{
    private const string Path = "/v1/analyze?version=2022-04-07";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Syntax_tokens_carry_their_location_and_when_asked_their_part_of_speech_and_lemma()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """
            {"text": "The children were playing.", "features": {"syntax": {"sentences": false, "tokens": {"lemma": true, "part_of_speech": true}}}}
            """;

        using var json = JsonDocument.Parse(await (await node.Http.PostAsync(Path, Json(Body))).Content.ReadAsStringAsync());

        var syntax = json.RootElement.GetProperty("syntax");
        var tokens = syntax.GetProperty("tokens").EnumerateArray().Select(t => (t.GetProperty("text").GetString(),
            t.GetProperty("part_of_speech").GetString(), t.GetProperty("lemma").GetString(), t.GetProperty("location")[0].GetInt32())).ToList();
        Assert.Equal([("The", "DET", "the", 0), ("children", "NOUN", "child", 4), ("were", "AUX", "be", 13), ("playing", "VERB", "play", 18),
            (".", "PUNCT", ".", 25)], tokens);
        Assert.False(syntax.TryGetProperty("sentences", out _));
    }

    [Fact]
    public async Task Entities_keywords_syntax_and_usage_come_back_under_watsons_field_names()
    {
        await using var node = await TestNode.StartAsync();
        const string News = "Hearth's team in Lyon spent $2.5 million on GPUs on 3 March 2026. Write to ops@hearth.example. "
            + "The GPU cluster is cool; the GPU cluster never sleeps.";
        const string Body = $$$"""
            {"text": "{{{News}}}",
             "features": {"entities": {"mentions": true, "limit": 10}, "keywords": {"limit": 3, "sentiment": true}, "syntax": {"sentences": true},
                          "sentiment": {"targets": ["GPU cluster"]}, "emotion": {}, "categories": {"limit": 1}, "concepts": {}},
             "return_analyzed_text": true}
            """;

        var response = await node.Http.PostAsync(Path, Json(Body));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal(1, root.GetProperty("usage").GetProperty("text_units").GetInt32());
        Assert.Equal(root.GetProperty("analyzed_text").GetString()!.Length, root.GetProperty("usage").GetProperty("text_characters").GetInt32());
        var money = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Money");
        Assert.Equal("$2.5 million", money.GetProperty("text").GetString());
        Assert.Equal([28, 40], money.GetProperty("mentions")[0].GetProperty("location").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "EmailAddress");
        Assert.Equal("gpu cluster", root.GetProperty("keywords")[0].GetProperty("text").GetString());
        Assert.Equal(3, root.GetProperty("keywords").GetArrayLength());
        Assert.Equal(3, root.GetProperty("syntax").GetProperty("sentences").GetArrayLength());
        Assert.StartsWith("concepts: not available in Hearth", root.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("/technology and computing", root.GetProperty("categories").EnumerateArray().Single().GetProperty("label").GetString());
        Assert.InRange(root.GetProperty("emotion").GetProperty("document").GetProperty("emotion").GetProperty("joy").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("sentiment").GetProperty("document").GetProperty("score").GetDouble(), -1, 1);
        Assert.Equal("GPU cluster", root.GetProperty("sentiment").GetProperty("targets")[0].GetProperty("text").GetString());
        Assert.True(root.GetProperty("keywords")[0].TryGetProperty("sentiment", out _));
        Assert.False(money.TryGetProperty("sentiment", out _)); // not asked for entities: left out, as Watson does
    }

    [Theory]
    [InlineData("/v1/analyze", """{"text": "Hello there, world.", "features": {"keywords": {}}}""", "version")]
    [InlineData(Path, """{"text": "  ", "features": {"keywords": {}}}""", "content is empty")]
    [InlineData(Path, """{"text": "Hello there, world.", "features": {}}""", "no features requested")]
    [InlineData(Path, """{"text": "Der neue Rechner trainiert unsere Sprachmodelle jede Nacht.",""" + """ "features": {"keywords": {}}}""",
        "unsupported text language: de")]
    [InlineData(Path, """{"url": "https://example.com", "features": {"keywords": {}}}""", "url input is not supported")]
    [InlineData(Path, """{"text": "unterminated""", "Invalid JSON")]
    public async Task Bad_requests_get_watsons_error_shape(string path, string body, string expected)
    {
        await using var node = await TestNode.StartAsync();

        var response = await node.Http.PostAsync(path, Json(body));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, json.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(expected, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_fifty_thousand_characters_is_truncated_with_a_warning()
    {
        await using var node = await TestNode.StartAsync();
        var text = string.Concat(Enumerable.Repeat("The GPU cluster trains models every night. ", 1500));

        var response = await node.Http.PostAsync(Path, Json(JsonSerializer.Serialize(new { text, features = new { keywords = new { } } })));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(50_000, json.RootElement.GetProperty("usage").GetProperty("text_characters").GetInt32());
        Assert.Contains("truncated to 50000 characters", json.RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_of_an_html_page_is_read_from_its_markup_and_plain_text_gets_a_warning()
    {
        await using var node = await TestNode.StartAsync();
        const string Page = """
            <html><head><title>GPU prices fall</title><meta name="author" content="Anna Martin">
            <meta property="article:published_time" content="2026-11-30T08:15:00Z"><meta property="og:image" content="https://x.test/a.png">
            <link rel="alternate" type="application/rss+xml" href="https://x.test/feed"></head>
            <body><p>Prices of GPUs fell this week in Lyon.</p></body></html>
            """;

        var html = await node.Http.PostAsync(Path, Json(JsonSerializer.Serialize(new { html = Page, features = new { metadata = new { } } })));
        var text = await node.Http.PostAsync(Path, Json("""{"text": "Prices of GPUs fell this week.", "features": {"metadata": {}}}"""));
        using var page = JsonDocument.Parse(await html.Content.ReadAsStringAsync());
        using var plain = JsonDocument.Parse(await text.Content.ReadAsStringAsync());

        var metadata = page.RootElement.GetProperty("metadata");
        Assert.Equal("GPU prices fall", metadata.GetProperty("title").GetString());
        Assert.Equal("Anna Martin", metadata.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal("2026-11-30T08:15:00", metadata.GetProperty("publication_date").GetString());
        Assert.Equal("https://x.test/a.png", metadata.GetProperty("image").GetString());
        Assert.Equal("https://x.test/feed", metadata.GetProperty("feeds")[0].GetProperty("link").GetString());
        Assert.False(plain.RootElement.TryGetProperty("metadata", out _));
        Assert.Contains("metadata: only available for html input", plain.RootElement.GetProperty("warnings")[0].GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beyond_loopback_a_watson_client_authenticates_with_its_api_key_set_to_the_token()
    {
        await using var node = await TestNode.StartAsync(bind: "0.0.0.0");
        const string Body = """{"text": "Meet at 10:30 am in Lyon.", "features": {"entities": {}}}""";

        var anonymous = await node.Http.PostAsync(Path, Json(Body));
        var withKey = new HttpRequestMessage(HttpMethod.Post, Path) { Content = Json(Body) };
        withKey.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"apikey:{node.Token}")));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.SendAsync(withKey)).StatusCode);
    }
}
