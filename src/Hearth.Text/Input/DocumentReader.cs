using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Hearth.Text.Input;

/// <summary>
/// Reads documents from a file, a directory (recursively, in a stable order) or standard input: <c>.txt</c>,
/// <c>.md</c>, <c>.html</c> (text extracted), <c>.jsonl</c> (a <c>text</c> field per line). A file that is
/// not readable text becomes an error entry; the others go on. Directory walks read regular files only, each once
/// (FIFOs, sockets, devices, broken links and links back into the walk are reported and skipped). Texts longer than
/// <see cref="PartCharacters"/> come in parts, each a document whose id is <c>FILE@OFFSET</c> (the part's first
/// character in the text), so memory stays flat whatever the size.
/// </summary>
public static partial class DocumentReader
{
    public static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"];

    /// <summary>The most characters in one document: a longer text comes in parts of at most this many.</summary>
    public const int PartCharacters = TextParts.Characters;

    /// <summary>HTML is parsed whole: larger pages are refused (convert them to text).</summary>
    public const long MaxHtmlBytes = 20_000_000;

    /// <summary>The longest line of a .jsonl file; a longer one is reported and skipped.</summary>
    public const int MaxJsonLineCharacters = 10_000_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<InputDocument> Read(string input, TextReader stdin)
    {
        if (input is "-" or "/dev/stdin")
        {
            return Parts(stdin, "-", markdown: false);
        }

        if (Directory.Exists(input))
        {
            var seen = new HashSet<(uint, uint, ulong)> { FileIdentity.Of(input).Id };
            return Walk(input, input, seen);
        }

        return File.Exists(input) ? ReadFile(input, Path.GetFileName(input))
            : throw new FileNotFoundException($"'{input}' is neither a file nor a directory");
    }

    private static IEnumerable<InputDocument> Walk(string root, string directory, HashSet<(uint, uint, ulong)> seen)
    {
        var (entries, error) = Entries(directory);
        if (error is not null)
        {
            yield return new InputDocument(Path.GetRelativePath(root, directory), null, $"unreadable directory: {error}");
        }

        foreach (var entry in entries)
        {
            var id = Path.GetRelativePath(root, entry);
            var (kind, identity) = FileIdentity.Of(entry);
            if (kind == FileIdentity.Kind.Directory)
            {
                if (!seen.Add(identity))
                {
                    yield return new InputDocument(id, null, "skipped: a link to a directory already read (a loop, or a second way in)");
                    continue;
                }

                foreach (var document in Walk(root, entry, seen))
                {
                    yield return document;
                }
            }
            else if (kind != FileIdentity.Kind.Regular)
            {
                yield return new InputDocument(id, null, kind == FileIdentity.Kind.Missing ? "skipped: a broken link"
                    : $"skipped: {FileIdentity.Describe(kind)}, not a regular file");
            }
            else if (!Extensions.Contains(Path.GetExtension(entry).ToLowerInvariant()))
            {
                yield return new InputDocument(id, null,
                    $"skipped: '{Path.GetExtension(entry)}' files are not read (use {string.Join(", ", Extensions)})");
            }
            else if (!seen.Add(identity))
            {
                yield return new InputDocument(id, null, "skipped: the same file as one already read (through a link)");
            }
            else
            {
                foreach (var document in ReadFile(entry, id))
                {
                    yield return document;
                }
            }
        }
    }

    private static (IReadOnlyList<string> Entries, string? Error) Entries(string directory)
    {
        try
        {
            return ([.. Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal)], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], e.Message);
        }
    }

    private static IEnumerable<InputDocument> ReadFile(string path, string id)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        StreamReader reader;
        try
        {
            if (extension is ".html" or ".htm" && new FileInfo(path).Length > MaxHtmlBytes)
            {
                return [new InputDocument(id, null, $"too large: HTML is read whole, up to {MaxHtmlBytes / 1_000_000} MB; convert it to text")];
            }

            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (LooksBinary(file))
            {
                file.Dispose();
                return [new InputDocument(id, null, "unreadable: it holds binary data, not text")];
            }

            reader = new StreamReader(file, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new InputDocument(id, null, $"unreadable: {e.Message}")];
        }

        return extension switch
        {
            ".jsonl" => JsonLines(reader, id),
            ".html" or ".htm" => Html(reader, id),
            _ => Parts(reader, id, markdown: extension is ".md" or ".markdown"),
        };
    }

    /// <summary>Whether the file's first block holds a NUL byte, as grep and git decide; the stream is rewound.</summary>
    private static bool LooksBinary(FileStream file)
    {
        var block = new byte[8192];
        var read = file.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return Array.IndexOf(block, (byte)0, 0, read) >= 0;
    }

    /// <summary>The text in parts (one document when it is short), until its end or its first unreadable part.</summary>
    private static IEnumerable<InputDocument> Parts(TextReader reader, string id, bool markdown)
    {
        using var _ = reader;
        var parts = new TextParts(reader);
        var many = false;
        while (true)
        {
            var offset = parts.Offset;
            var (part, error) = Attempt(parts.Next);
            many |= parts.More; // decided on the first part: a text that does not fit in one is in parts
            var partId = many ? $"{id}@{offset}" : id;
            if (error is not null || part?.Contains('\0', StringComparison.Ordinal) == true)
            {
                yield return new InputDocument(partId, null, $"unreadable: {error ?? "it holds binary data, not text"}");
                yield break;
            }

            if (part is null)
            {
                if (offset == 0)
                {
                    yield return new InputDocument(id, "", null); // an empty text is still a document
                }

                yield break;
            }

            yield return new InputDocument(partId, markdown ? MarkdownText(part) : part, null);
        }
    }

    private static IEnumerable<InputDocument> Html(StreamReader reader, string id)
    {
        using var _ = reader;
        var (content, error) = Attempt(reader.ReadToEnd);
        yield return error is not null || content!.Contains('\0', StringComparison.Ordinal)
            ? new InputDocument(id, null, $"unreadable: {error ?? "it holds binary data, not text"}")
            : new InputDocument(id, HtmlText(content), null);
    }

    /// <summary>Runs a read, turning an unreadable file into its reason.</summary>
    private static (string? Text, string? Error) Attempt(Func<string?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return (null, e is DecoderFallbackException ? "not UTF-8 text" : e.Message);
        }
    }

    private static IEnumerable<InputDocument> JsonLines(StreamReader reader, string id)
    {
        using var _ = reader;
        for (var number = 1; ; number++)
        {
            var (line, error) = Attempt(() => ReadLine(reader));
            if (error is not null)
            {
                yield return new InputDocument($"{id}:{number}", null, $"unreadable from this line on: {error}");
                yield break;
            }

            if (line is null)
            {
                yield break;
            }

            if (line.Trim().Length > 0)
            {
                yield return JsonLine(line, $"{id}:{number}");
            }
        }
    }

    /// <summary>A line, or a marker when it is longer than <see cref="MaxJsonLineCharacters"/> (the rest of it is skipped).</summary>
    private static string? ReadLine(TextReader reader)
    {
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0 && c != '\n')
        {
            if (line.Length < MaxJsonLineCharacters)
            {
                line.Append((char)c);
            }
            else
            {
                line.Length = 0;
                line.Append(TooLong);
                while ((c = reader.Read()) >= 0 && c != '\n')
                {
                }

                break;
            }
        }

        return c < 0 && line.Length == 0 ? null : line.ToString();
    }

    private const string TooLong = "\u0000too long";

    private static InputDocument JsonLine(string line, string lineId)
    {
        if (line == TooLong)
        {
            return new InputDocument(lineId, null, $"the line is longer than {MaxJsonLineCharacters:N0} characters: split the document");
        }

        string? text = null, error = null;
        try
        {
            using var json = JsonDocument.Parse(line);
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

        return new InputDocument(lineId, text, error);
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
