using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hearth.Text.Analysis;

/// <summary>
/// Features in JSON: an array of names, as the APIs answer them (<c>["entities", "sentiment"]</c>); a comma-separated
/// string is read too (<c>"entities,sentiment"</c>), as the CLI's <c>--features</c> takes it. Names are checked by
/// <see cref="Feature.Parse(IReadOnlyList{string})"/>.
/// </summary>
public sealed class FeatureListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("'features' must be an array of feature names, e.g. [\"entities\", \"sentiment\"]");
        }

        var names = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            names.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()!
                : throw new JsonException("'features' must hold feature names (strings)"));
        }

        return names;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var name in value)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }
}
