using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hearth.Hardware;

/// <summary>The one JSON style of Hearth (CLI <c>--json</c>, the API, stored reports): camelCase, enums as lower-case strings, nulls kept.</summary>
public static class HearthJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>The same style on one line: JSON Lines, Server-Sent Events.</summary>
    public static JsonSerializerOptions Compact { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies Hearth's conventions to options another framework owns (ASP.NET Core's, for instance).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
