using System.Net;
using System.Net.Http.Json;
using Hearth.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Server.Tests;

/// <summary>
/// Work tied to its request: a client that goes away stops its analysis; analyses beyond the limit queue, and beyond the
/// queue are refused; a text too long for one request is refused.
/// </summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task A_client_that_goes_away_stops_its_analysis()
    {
        await using var node = await TestNode.StartAsync();
        var encoder = node.App.Services.GetRequiredService<TextModels>().Encoder;
        var sentences = 6_000;
        var text = string.Concat(Enumerable.Range(0, sentences).Select(i => $"Review {i}: the battery of this phone lasts for days. "));
        var before = encoder.SentencesEncoded;

        using (var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                node.Http.PostAsJsonAsync("/api/analyze", new { text, features = new[] { "sentiment" } }, leaving.Token));
        }

        // The encoder stops within a few batches of 32 sentences: its count stands still well before the text's end.
        var last = encoder.SentencesEncoded;
        for (var settled = 0; settled < 2;)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = encoder.SentencesEncoded;
            settled = now == last ? settled + 1 : 0;
            last = now;
            Assert.True(last - before < sentences, "the analysis went on to the end after the client had gone");
        }
    }

    [Fact]
    public async Task Analyses_beyond_the_concurrency_wait_their_turn_and_beyond_the_queue_get_503_with_retry_after()
    {
        await using var node = await TestNode.StartAsync(tune: o => (o.AnalysisConcurrency, o.AnalysisQueue) = (1, 1));
        var text = string.Concat(Enumerable.Range(0, 1_500).Select(i => $"Review {i}: the battery of this phone lasts for days. "));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            node.Http.PostAsJsonAsync("/api/analyze", new { text, features = new[] { "sentiment" } })));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK)); // one ran, one waited
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("retry in a few seconds", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_over_a_million_characters_is_refused_with_the_way_forward()
    {
        await using var node = await TestNode.StartAsync();

        var response = await node.Http.PostAsJsonAsync("/api/analyze", new { text = new string('a', 1_000_001) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("hearth analyze FILE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
