using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hearth.Server.Compatible;

/// <summary>
/// Google's <c>Entity.metadata</c> and <c>EntityMention.type</c> for what Hearth finds. Google fills metadata for numbers
/// (<c>value</c>), prices (<c>value</c>, <c>currency</c>) and dates (<c>year</c>, <c>month</c>, <c>day</c>), and
/// <c>wikipedia_url</c>/<c>mid</c> from its Knowledge Graph, which Hearth does not have: names get an empty map.
/// </summary>
internal static partial class GoogleEntityMetadata
{
    private static readonly Dictionary<string, string> Currencies = new()
    {
        ["$"] = "USD", ["US$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR", ["CHF"] = "CHF", ["C$"] = "CAD",
    };

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "d MMMM yyyy", "MMMM d, yyyy", "MMMM d yyyy", "d MMM yyyy", "MMM d, yyyy", "dd/MM/yyyy", "MM/dd/yyyy"];

    public static JsonObject For(string googleType, string text)
    {
        var metadata = new JsonObject();
        switch (googleType)
        {
            case "NUMBER" when Number().Match(text) is { Success: true } number:
                metadata["value"] = number.Value.Replace(",", "", StringComparison.Ordinal);
                break;
            case "PRICE" when Number().Match(text) is { Success: true } amount:
                metadata["value"] = amount.Value.Replace(",", "", StringComparison.Ordinal);
                var symbol = Currencies.Keys.OrderByDescending(k => k.Length).FirstOrDefault(k => text.Contains(k, StringComparison.Ordinal));
                var code = CurrencyCode().Match(text);
                if (symbol is not null || code.Success)
                {
                    metadata["currency"] = code.Success ? code.Value : Currencies[symbol!];
                }

                break;
            case "DATE" when DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date):
                metadata["year"] = date.Year.ToString(CultureInfo.InvariantCulture);
                metadata["month"] = date.Month.ToString(CultureInfo.InvariantCulture);
                metadata["day"] = date.Day.ToString(CultureInfo.InvariantCulture);
                break;
        }

        return metadata;
    }

    /// <summary>PROPER for a name ("Lyon"), COMMON for a noun phrase in lower case ("the company"), TYPE_UNKNOWN for figures.</summary>
    public static string MentionType(string text) => text.FirstOrDefault(char.IsLetterOrDigit) switch
    {
        var c when char.IsUpper(c) => "PROPER",
        var c when char.IsLower(c) => "COMMON",
        _ => "TYPE_UNKNOWN",
    };

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY)\b")]
    private static partial Regex CurrencyCode();
}
