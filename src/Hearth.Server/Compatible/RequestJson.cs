using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hearth.Server.Compatible;

/// <summary>
/// Typed reads of a client's JSON that never throw anything but <see cref="InvalidRequestException"/>: a field of the
/// wrong type is the client's mistake (a 400 in the service's own error shape), never a 500.
/// </summary>
internal static class RequestJson
{
    /// <summary>Reads a request body; what is not JSON is the client's mistake too.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidRequestException($"Invalid JSON payload received ({e.Message})");
        }
    }

    /// <summary>Parses a body already read; what is not JSON is the client's mistake.</summary>
    public static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidRequestException($"Invalid JSON payload received ({e.Message})");
        }
    }

    /// <summary>A member of an object (null when absent); <paramref name="parent"/> must be an object or absent.</summary>
    public static JsonNode? Member(this JsonNode? parent, string name) => parent switch
    {
        null => null,
        JsonObject o => o[name],
        _ => throw Wrong(parent, "an object"),
    };

    public static JsonObject? Object(this JsonNode? parent, string name) => parent.Member(name) switch
    {
        null => null,
        JsonObject o => o,
        var other => throw Wrong(other, "an object"),
    };

    public static string? Text(this JsonNode? parent, string name) => parent.Member(name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Wrong(other, "a string"),
    };

    public static bool? Flag(this JsonNode? parent, string name) => parent.Member(name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw Wrong(other, "true or false"),
    };

    public static int? Integer(this JsonNode? parent, string name, int min = int.MinValue, int max = int.MaxValue) => parent.Member(name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= min && n <= max => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d % 1 == 0 && d >= min && d <= max => (int)d,
        var other => throw Wrong(other, min == int.MinValue ? "an integer" : $"an integer from {min} to {max}"),
    };

    /// <summary>An array of strings (null when absent).</summary>
    public static IReadOnlyList<string>? Texts(this JsonNode? parent, string name) => parent.Member(name) switch
    {
        null => null,
        JsonArray a when a.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) => [.. a.Select(i => i!.GetValue<string>())],
        var other => throw Wrong(other, "an array of strings"),
    };

    /// <summary>A protobuf enum written as its name or its number (proto3 JSON accepts both); the name comes back.</summary>
    public static string? Enum(this JsonNode? parent, string name, IReadOnlyList<string> names) => parent.Member(name) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && names.Contains(v.GetValue<string>()) => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 0 && n < names.Count && names[n].Length > 0
            => names[n],
        var other => throw Wrong(other, $"one of {string.Join(", ", names.Where(n => n.Length > 0))} (or its number)"),
    };

    private static InvalidRequestException Wrong(JsonNode? node, string expected)
    {
        var path = node?.GetPath() is { } p && p != "$" ? p.TrimStart('$', '.') : "the body";
        var found = node?.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
        return new InvalidRequestException($"'{path}' must be {expected}, not {found}");
    }
}
