using System.Net;
using System.Text;
using System.Text.Json;

namespace Hearth.Server.Tests;

/// <summary>Watson Personality Insights v3, retired by IBM, called locally the way its clients called it.</summary>
public sealed class WatsonPersonalityTests
{
    private static readonly string Essay = string.Join(" ", Enumerable.Repeat(
        "I love meeting new people and I organise a big dinner for my friends every month. At work I take the lead on new projects, " +
        "and I am always busy with something: sport, music, travel. I laugh a lot and I rarely worry about what could go wrong.", 5));

    [Fact]
    public async Task A_plain_text_profile_has_the_big_five_with_facets_and_watsons_word_count_warning()
    {
        await using var node = await TestNode.StartAsync();

        var response = await node.Http.PostAsync("/v3/profile?version=2017-10-13&raw_scores=true",
            new StringContent(Essay, Encoding.UTF8, "text/plain"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(root.GetProperty("word_count").GetInt32(), 100, 599);
        Assert.Equal("en", root.GetProperty("processed_language").GetString());
        var traits = root.GetProperty("personality").EnumerateArray().ToList();
        Assert.Equal(["big5_openness", "big5_conscientiousness", "big5_extraversion", "big5_agreeableness", "big5_neuroticism"],
            traits.Select(t => t.GetProperty("trait_id").GetString()));
        Assert.All(traits, t => Assert.Equal(6, t.GetProperty("children").GetArrayLength()));
        Assert.All(traits.SelectMany(t => t.GetProperty("children").EnumerateArray().Append(t)), t =>
        {
            Assert.InRange(t.GetProperty("percentile").GetDouble(), 0, 1);
            Assert.True(t.TryGetProperty("raw_score", out _));
            Assert.Equal("personality", t.GetProperty("category").GetString());
        });
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("warning_id").GetString()).ToList();
        Assert.Contains("WORD_COUNT_MESSAGE", warnings);
        Assert.Contains("ACCURACY", warnings);
        Assert.DoesNotContain("NOT_COMPUTED", warnings); // consumption preferences were not asked for
        Assert.Equal(12, root.GetProperty("needs").GetArrayLength());
        Assert.Equal(5, root.GetProperty("values").GetArrayLength());
        Assert.All(root.GetProperty("needs").EnumerateArray().Concat(root.GetProperty("values").EnumerateArray()), n =>
        {
            Assert.InRange(n.GetProperty("percentile").GetDouble(), 0, 1);
            Assert.Contains(n.GetProperty("category").GetString(), new[] { "needs", "values" });
        });
        Assert.Equal("need_challenge", root.GetProperty("needs")[0].GetProperty("trait_id").GetString());
    }

    [Fact]
    public async Task Names_follow_accept_language_and_consumption_preferences_are_said_not_computed()
    {
        await using var node = await TestNode.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/profile?version=2017-10-13&consumption_preferences=true")
        {
            Content = new StringContent(Essay, Encoding.UTF8, "text/plain"),
        };
        request.Headers.AcceptLanguage.ParseAdd("fr");
        using var german = new HttpRequestMessage(HttpMethod.Post, "/v3/profile?version=2017-10-13")
        {
            Content = new StringContent(Essay, Encoding.UTF8, "text/plain"),
        };
        german.Headers.AcceptLanguage.ParseAdd("de");

        using var french = JsonDocument.Parse(await (await node.Http.SendAsync(request)).Content.ReadAsStringAsync());
        using var inGerman = JsonDocument.Parse(await (await node.Http.SendAsync(german)).Content.ReadAsStringAsync());

        Assert.Equal("Ouverture", french.RootElement.GetProperty("personality")[0].GetProperty("name").GetString());
        Assert.Equal("Défi", french.RootElement.GetProperty("needs")[0].GetProperty("name").GetString());
        Assert.Equal(0, french.RootElement.GetProperty("consumption_preferences").GetArrayLength());
        Assert.Contains(french.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("warning_id").GetString() == "NOT_COMPUTED");
        Assert.Equal("Openness", inGerman.RootElement.GetProperty("personality")[0].GetProperty("name").GetString());
        Assert.Contains(inGerman.RootElement.GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("warning_id").GetString() == "NAMES_IN_ENGLISH");
    }

    [Fact]
    public async Task Json_content_items_are_joined_and_too_few_words_is_watsons_error()
    {
        await using var node = await TestNode.StartAsync();
        var items = JsonSerializer.Serialize(new { contentItems = new[] { new { content = Essay[..400], contenttype = "text/plain" },
            new { content = $"<p>{Essay[400..]}</p>", contenttype = "text/html" } } });

        var ok = await node.Http.PostAsync("/v3/profile?version=2017-10-13", new StringContent(items, Encoding.UTF8, "application/json"));
        var tooShort = await node.Http.PostAsync("/v3/profile?version=2017-10-13",
            new StringContent("Only a few words here.", Encoding.UTF8, "text/plain"));
        var badJson = await node.Http.PostAsync("/v3/profile?version=2017-10-13",
            new StringContent("{\"text\": 1}", Encoding.UTF8, "application/json"));
        using var okJson = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        using var error = JsonDocument.Parse(await tooShort.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.False(okJson.RootElement.GetProperty("personality")[0].TryGetProperty("raw_score", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("S00014", error.RootElement.GetProperty("sub_code").GetString());
        Assert.Equal("The number of words 5 is less than the minimum number of words required for analysis: 100",
            error.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
    }
}
