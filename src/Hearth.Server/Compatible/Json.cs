using System.Text.Json.Nodes;

namespace Hearth.Server.Compatible;

/// <summary>JSON as the cloud services write it.</summary>
internal static class Json
{
    /// <summary>Leaves out what was not asked for, rather than sending nulls, as Watson and Google do.</summary>
    public static JsonNode WithoutNulls(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, value) in obj)
            {
                WithoutNulls(value!);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                WithoutNulls(item!);
            }
        }

        return node;
    }

    /// <summary>IBM Watson's error shape, shared by its services: <c>{"code": 400, "sub_code"?: "…", "error": "…"}</c>.</summary>
    public static IResult WatsonError(string message, int code = 400, string? subCode = null) =>
        Results.Text(WithoutNulls(new JsonObject { ["code"] = code, ["sub_code"] = subCode, ["error"] = message }).ToJsonString(),
            "application/json", statusCode: code);
}
