using System.Globalization;
using HtmlAgilityPack;

namespace Hearth.Text.Input;

/// <summary>
/// What an HTML page says about itself, as Watson NLU's <c>metadata</c> feature reported it: its title, authors, publication
/// date, main image and feeds, read from the markup publishers use (Open Graph, <c>article:*</c>, <c>meta name</c>,
/// schema.org <c>itemprop</c>, <c>rel="author"</c>, <c>time[datetime]</c>, <c>link rel="alternate"</c>).
/// </summary>
public sealed record HtmlMetadata(string? Title, IReadOnlyList<string> Authors, string? PublicationDate, string? Image, IReadOnlyList<string> Feeds)
{
    public static HtmlMetadata Read(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var root = document.DocumentNode;
        var title = Text(root.SelectSingleNode("//title")) ?? Meta(root, "og:title").FirstOrDefault();
        var authors = Meta(root, "author", "article:author", "dc.creator")
            .Concat(Texts(root, "//*[@rel='author']|//*[@itemprop='author']"))
            .Where(a => !a.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var date = Meta(root, "article:published_time", "date", "pubdate", "publishdate", "dc.date", "datepublished")
            .Concat(Attributes(root, "//*[@itemprop='datePublished']", "content", "datetime"))
            .Concat(Attributes(root, "//time[@datetime]", "datetime"))
            .Select(Date).FirstOrDefault(d => d is not null);
        var feeds = Attributes(root, "//link[@rel='alternate' and (contains(@type, 'rss') or contains(@type, 'atom'))]", "href").ToList();
        return new HtmlMetadata(title, authors, date, Meta(root, "og:image").FirstOrDefault(), feeds);
    }

    /// <summary>The content of meta tags named (name or property, any case) one of <paramref name="names"/>, in that order.</summary>
    private static IEnumerable<string> Meta(HtmlNode root, params string[] names) => names.SelectMany(name =>
        (root.SelectNodes("//meta") ?? Enumerable.Empty<HtmlNode>())
            .Where(m => string.Equals(
                m.GetAttributeValue("name", null) ?? m.GetAttributeValue("property", null) ?? m.GetAttributeValue("itemprop", null),
                name,
                StringComparison.OrdinalIgnoreCase))
            .Select(m => Clean(m.GetAttributeValue("content", ""))).OfType<string>());

    private static IEnumerable<string> Texts(HtmlNode root, string xpath) =>
        (root.SelectNodes(xpath) ?? Enumerable.Empty<HtmlNode>()).Select(n => n.Name == "meta" ? Clean(n.GetAttributeValue("content", "")) : Text(n))
            .OfType<string>();

    private static IEnumerable<string> Attributes(HtmlNode root, string xpath, params string[] attributes) =>
        (root.SelectNodes(xpath) ?? Enumerable.Empty<HtmlNode>())
            .Select(n => attributes.Select(a => Clean(n.GetAttributeValue(a, ""))).FirstOrDefault(v => v is not null)).OfType<string>();

    private static string? Text(HtmlNode? node) => node is null ? null : Clean(HtmlEntity.DeEntitize(node.InnerText));

    private static string? Clean(string value)
    {
        var text = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    /// <summary>A date as Watson wrote it ("2016-09-05T00:00:00"), or null when it cannot be read.</summary>
    private static string? Date(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : null;
}
