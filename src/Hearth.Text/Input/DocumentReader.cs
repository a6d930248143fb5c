using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Hearth.Text.Input;

/// <summary>
/// Reads documents from a file, a directory (recursively, in a stable order) or standard input: <c>.txt</c>,
/// <c>.md</c>, <c>.html</c> (text extracted), <c>.jsonl</c> (a <c>text</c> field per line). A file that is
/// not readable text becomes an error entry; the others go on.
/// </summary>
public static partial class DocumentReader
{
    public static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<InputDocument> Read(string input, TextReader stdin)
    {
        if (input is "-" or "/dev/stdin")
        {
            yield return new InputDocument("-", stdin.ReadToEnd(), null);
            yield break;
        }

        if (Directory.Exists(input))
        {
            foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var id = Path.GetRelativePath(input, file);
                if (!Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                {
                    yield return new InputDocument(id, null,
                        $"skipped: '{Path.GetExtension(file)}' files are not read (use {string.Join(", ", Extensions)})");
                    continue;
                }

                foreach (var document in ReadFile(file, id))
                {
                    yield return document;
                }
            }

            yield break;
        }

        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"'{input}' is neither a file nor a directory");
        }

        foreach (var document in ReadFile(input, Path.GetFileName(input)))
        {
            yield return document;
        }
    }

    private static IEnumerable<InputDocument> ReadFile(string path, string id)
    {
        string content;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                throw new InvalidDataException("it holds binary data, not text");
            }

            content = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or DecoderFallbackException)
        {
            return [new InputDocument(id, null, $"unreadable: {(e is DecoderFallbackException ? "not UTF-8 text" : e.Message)}")];
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => JsonLines(content, id),
            ".html" or ".htm" => [new InputDocument(id, HtmlText(content), null)],
            ".md" or ".markdown" => [new InputDocument(id, MarkdownText(content), null)],
            _ => [new InputDocument(id, content, null)],
        };
    }

    private static IEnumerable<InputDocument> JsonLines(string content, string id)
    {
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var lineId = $"{id}:{i + 1}";
            string? text = null, error = null;
            try
            {
                using var json = JsonDocument.Parse(lines[i]);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("text", out var field)
                    && field.ValueKind == JsonValueKind.String)
                {
                    text = field.GetString();
                    if (json.RootElement.TryGetProperty("id", out var ownId) && ownId.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    {
                        lineId = ownId.ToString();
                    }
                }
                else
                {
                    error = "the line has no string field 'text'";
                }
            }
            catch (JsonException e)
            {
                error = $"not JSON: {e.Message}";
            }

            yield return new InputDocument(lineId, text, error);
        }
    }

    /// <summary>The visible text of an HTML page: scripts, styles and markup removed, entities decoded, blocks on their own lines.</summary>
    public static string HtmlText(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        foreach (var node in document.DocumentNode.SelectNodes("//script|//style|//noscript|//template")?.ToList() ?? [])
        {
            node.Remove();
        }

        var text = new StringBuilder();
        foreach (var node in document.DocumentNode.DescendantsAndSelf())
        {
            if (node.NodeType == HtmlNodeType.Text)
            {
                text.Append(HtmlEntity.DeEntitize(node.InnerText));
            }
            else if (node.Name is "p" or "div" or "br" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "tr" or "section" or "article"
                or "title")
            {
                text.Append("\n\n");
            }
        }

        return BlankLines().Replace(Spaces().Replace(text.ToString(), " "), "\n\n").Trim();
    }

    /// <summary>Markdown without its markup: headings, emphasis, link targets and code fences removed.</summary>
    public static string MarkdownText(string markdown)
    {
        var text = MarkdownLink().Replace(markdown, "$1");
        text = MarkdownMarks().Replace(text, "");
        return text;
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|```.*$)|(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])|`")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+")] // &nbsp; becomes a plain space
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*\n\s*(?:\n\s*)*")]
    private static partial Regex BlankLines();
}
