namespace Hearth.Text.Input;

/// <summary>
/// A long text read as a stream of parts of at most <see cref="Characters"/> characters, each cut at the last paragraph break,
/// else line break, else sentence end, else space of its final fifth, so that sentences and names are not cut: a text of any
/// size is analysed in flat memory, and a text that shares a beginning with another gets the same parts for it.
/// </summary>
internal sealed class TextParts(TextReader reader)
{
    /// <summary>The most characters in one part (about 17,000 English words), and the most in a document that is not cut.</summary>
    public const int Characters = 100_000;

    private readonly char[] buffer = new char[Characters];
    private int filled;

    /// <summary>Where the next part starts, in characters from the beginning of the text.</summary>
    public long Offset { get; private set; }

    /// <summary>Whether text may remain after the part last returned (it filled a whole part).</summary>
    public bool More { get; private set; }

    /// <summary>The next part, or null at the end of the text.</summary>
    /// <exception cref="System.Text.DecoderFallbackException">The text is not valid in its encoding.</exception>
    public string? Next()
    {
        int read;
        while (filled < buffer.Length && (read = reader.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
        }

        More = filled == buffer.Length;
        if (filled == 0)
        {
            return null;
        }

        var cut = filled < buffer.Length ? filled : Cut(buffer);
        var part = new string(buffer, 0, cut);
        Array.Copy(buffer, cut, buffer, 0, filled - cut);
        filled -= cut;
        Offset += cut;
        return part;
    }

    private static int Cut(ReadOnlySpan<char> text)
    {
        var from = text.Length * 4 / 5;
        var tail = text[from..];
        foreach (var boundary in (string[])["\n\n", "\n", ". ", " "])
        {
            var at = tail.LastIndexOf(boundary, StringComparison.Ordinal);
            if (at >= 0)
            {
                return from + at + boundary.Length;
            }
        }

        return char.IsHighSurrogate(text[^1]) ? text.Length - 1 : text.Length;
    }
}
