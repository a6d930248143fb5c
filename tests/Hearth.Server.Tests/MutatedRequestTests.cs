using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hearth.Server.Tests;

/// <summary>
/// Thousands of mutated bodies (a value of another type anywhere in the tree, a field removed, the body wrapped in an
/// array or replaced by a scalar, cut short, raw bytes) sent to every cloud-compatible endpoint and to Hearth's own: none
/// may answer 5xx, and every refusal comes in the service's own error shape (Hearth's: RFC 9457 problem details with a
/// fix). Seeded, so a failure replays.
/// </summary>
public sealed class MutatedRequestTests
{
    private const int MutationsPerEndpoint = 120;

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "/v1/analyze?version=2022-04-07", "watson", """
            {"text": "Hearth runs in Lyon. The GPU cluster is great.", "language": "en", "return_analyzed_text": true,
             "features": {"entities": {"limit": 2, "mentions": true, "sentiment": true}, "keywords": {"limit": 2, "emotion": true},
                          "sentiment": {"targets": ["GPU"]}, "emotion": {"targets": ["GPU"]}, "syntax": {"sentences": true}}}
            """ },
        { "/v3/tone?version=2017-09-21", "watson", """{"text": "I am happy with it. The data suggest otherwise."}""" },
        { "/v3/profile?version=2017-10-13", "watson", """
            {"contentItems": [{"content": "I love hiking with friends.", "contenttype": "text/plain"}]}
            """ },
        { "/v1/documents:analyzeEntities", "google", """{"document": {"type": 1, "content": "Marie Curie lived in Paris."}, "encodingType": 1}""" },
        { "/v1/documents:analyzeSentiment", "google", """
            {"document": {"type": "PLAIN_TEXT", "content": "Great screen."}, "encodingType": "UTF8"}
            """ },
        { "/v1/documents:annotateText", "google", """
            {"document": {"type": "PLAIN_TEXT", "content": "Meet Anna in Lyon on Friday."},
             "features": {"extractSyntax": true, "extractEntities": true, "extractDocumentSentiment": true, "classifyText": true}, "encodingType": 2}
            """ },
        { "/v2/documents:moderateText", "google", """{"document": {"type": 1, "languageCode": "en", "content": "The bank raised its rates."}}""" },
        { "/api/analyze", "hearth", """{"text": "Marie Curie lived in Paris.", "features": ["entities", "sentiment"], "language": "en"}""" },
        { "/api/alerts", "hearth", """{"subject": "backup", "message": "the backup failed", "severity": "warning"}""" },
        { "/api/cluster/jobs", "hearth", """{"kind": "analyze", "features": "entities", "documents": [{"id": "a", "text": "Hi Anna."}]}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_mutated_body_gets_a_server_error_and_every_refusal_has_the_services_error_shape(string path, string service, string seed)
    {
        await using var node = await TestNode.StartAsync();
        var random = new Random(path.Length * 7919);
        var failures = new List<string>();
        foreach (var body in Mutations(seed, random).Take(MutationsPerEndpoint))
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await node.Http.PostAsync(path, content);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || (!response.IsSuccessStatusCode && !HasErrorShape(service, text)))
            {
                failures.Add($"{(int)response.StatusCode} for {body} → {text}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, e.g.:\n{string.Join('\n', failures.Take(5))}");
    }

    private static bool HasErrorShape(string service, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (service == "hearth")
            {
                return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out _) && root.TryGetProperty("title", out _)
                    && root.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 0 && root.TryGetProperty("fix", out _);
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                return false;
            }

            return service == "watson"
                ? error.ValueKind == JsonValueKind.String && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
                : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out _) && error.TryGetProperty("message", out _)
                    && error.TryGetProperty("status", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Mutations(string seed, Random random)
    {
        JsonNode?[] odd = [null, 0, -1, 1.5, 1e300, true, false, "", "x", "PLAIN_TEXT", 99, new JsonArray(), new JsonArray(1, "a"), new JsonObject(),
            new JsonObject { ["a"] = 1 }];
        yield return "[1]";
        yield return "5";
        yield return "\"text\"";
        yield return "null";
        yield return "";
        yield return seed[..(seed.Length / 2)];
        while (true)
        {
            var tree = JsonNode.Parse(seed)!;
            var places = Places(tree).ToList();
            var (parent, key) = places[random.Next(places.Count)];
            switch (random.Next(4))
            {
                case 0 when parent is JsonObject o:
                    o.Remove((string)key);
                    break;
                case 1:
                    yield return new JsonArray(tree).ToJsonString();
                    continue;
                default:
                    var value = odd[random.Next(odd.Length)]?.DeepClone();
                    if (parent is JsonObject obj)
                    {
                        obj[(string)key] = value;
                    }
                    else
                    {
                        ((JsonArray)parent)[(int)key] = value;
                    }

                    break;
            }

            yield return tree.ToJsonString();
        }
    }

    /// <summary>Every (container, key) in the tree: object members and array items.</summary>
    private static IEnumerable<(JsonNode Parent, object Key)> Places(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, child) in o.ToList())
            {
                yield return (o, name);
                foreach (var place in child is null ? [] : Places(child))
                {
                    yield return place;
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, i);
                foreach (var place in a[i] is { } child ? Places(child) : [])
                {
                    yield return place;
                }
            }
        }
    }
}
