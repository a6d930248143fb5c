using System.Text.Json.Nodes;

namespace Hearth.Server.Compatible;

/// <summary>
/// The protobuf enums of Google's Natural Language API, in proto order (a name's index is its number; "" marks a
/// number the proto skips). proto3 JSON accepts both in requests; Google's clients ask for numbers back with
/// <c>$alt=json;enum-encoding=int</c>.
/// </summary>
internal static class GoogleEnums
{
    public static readonly string[] DocumentType = ["TYPE_UNSPECIFIED", "PLAIN_TEXT", "HTML"];

    public static readonly string[] EncodingType = ["NONE", "UTF8", "UTF16", "UTF32"];

    private static readonly string[] EntityType =
        ["UNKNOWN", "PERSON", "LOCATION", "ORGANIZATION", "EVENT", "WORK_OF_ART", "CONSUMER_GOOD", "OTHER", "", "PHONE_NUMBER", "ADDRESS", "DATE",
        "NUMBER", "PRICE"];

    private static readonly string[] MentionType = ["TYPE_UNKNOWN", "PROPER", "COMMON"];

    private static readonly string[] Tag = ["UNKNOWN", "ADJ", "ADP", "ADV", "CONJ", "DET", "NOUN", "NUM", "PRON", "PRT", "PUNCT", "VERB", "X",
        "AFFIX"];

    private static readonly string[] Proper = ["PROPER_UNKNOWN", "PROPER", "NOT_PROPER"];

    private static readonly string[] Label = ["UNKNOWN"];

    /// <summary>The response as it is (names), or with every enum as its number.</summary>
    public static JsonNode Encode(JsonNode response, bool numbers)
    {
        if (!numbers)
        {
            return response;
        }

        foreach (var entity in response["entities"]?.AsArray() ?? [])
        {
            Number(entity!, "type", EntityType);
            foreach (var mention in entity!["mentions"]?.AsArray() ?? [])
            {
                Number(mention!, "type", MentionType);
            }
        }

        foreach (var token in response["tokens"]?.AsArray() ?? [])
        {
            Number(token!["partOfSpeech"]!, "tag", Tag);
            Number(token["partOfSpeech"]!, "proper", Proper);
            Number(token["dependencyEdge"]!, "label", Label);
        }

        return response;
    }

    private static void Number(JsonNode parent, string name, string[] names)
    {
        if (parent[name]?.GetValue<string>() is { } value)
        {
            parent[name] = Array.IndexOf(names, value);
        }
    }
}
