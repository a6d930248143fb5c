using System.Net;
using System.Text;
using System.Text.Json;

namespace Hearth.Server.Tests;

/// <summary>Watson Tone Analyzer v3, retired by IBM, called locally the way its clients called it.</summary>
public sealed class WatsonToneTests
{
    [Fact]
    public async Task Document_and_sentence_tones_come_back_with_watsons_fields_and_only_scores_of_half_or_more()
    {
        await using var node = await TestNode.StartAsync();
        const string Body = """{"text": "I am furious that they cancelled the launch without telling us. """
            + """The data suggest that the failure came from the cooling loop rather than the firmware."}""";

        var response = await node.Http.PostAsync("/v3/tone?version=2017-09-21", new StringContent(Body, Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sentences = json.RootElement.GetProperty("sentences_tone").EnumerateArray().ToList();
        Assert.Equal([0, 1], sentences.Select(s => s.GetProperty("sentence_id").GetInt32()));
        Assert.Equal("anger", sentences[0].GetProperty("tones")[0].GetProperty("tone_id").GetString());
        Assert.Equal("Analytical", sentences[1].GetProperty("tones")[0].GetProperty("tone_name").GetString());
        var all = json.RootElement.GetProperty("document_tone").GetProperty("tones").EnumerateArray().Concat(sentences.SelectMany(s =>
            s.GetProperty("tones").EnumerateArray()));
        Assert.All(all, t => Assert.InRange(t.GetProperty("score").GetDouble(), 0.5, 1));
    }

    [Fact]
    public async Task A_plain_text_body_works_and_a_missing_version_is_refused_in_watsons_shape()
    {
        await using var node = await TestNode.StartAsync();

        var plain = await node.Http.PostAsync("/v3/tone?version=2017-09-21&sentences=false",
            new StringContent("I'm not sure, maybe we could wait a little before deciding?", Encoding.UTF8, "text/plain"));
        var noVersion = await node.Http.PostAsync("/v3/tone", new StringContent("Hello there.", Encoding.UTF8, "text/plain"));
        using var json = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
        using var error = JsonDocument.Parse(await noVersion.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("tentative", json.RootElement.GetProperty("document_tone").GetProperty("tones")[0].GetProperty("tone_id").GetString());
        Assert.False(json.RootElement.TryGetProperty("sentences_tone", out _));
        Assert.Equal(400, error.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("version", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
