namespace Hearth.Learning.Heads;

/// <summary>A sentence's words as the tagger's token sequences: one window, or several when its pieces pass 128 tokens.</summary>
public static class TaggerInput
{
    /// <param name="tags">Each word's tag index; null when tagging.</param>
    public static List<(int[] Tokens, TaggedWords Words)> Windows(IReadOnlyList<string> words, WordPieces pieces, int[]? tags = null)
    {
        var features = WordShape.Active(words);
        var windows = new List<(int[], TaggedWords)>();
        for (var start = 0; start < words.Count;)
        {
            var (tokens, firsts) = pieces.Encode(words, start);
            var count = firsts.Length;
            windows.Add((tokens, new TaggedWords(firsts, features[(3 * start)..(3 * (start + count))],
                tags?[start..(start + count)] ?? [.. Enumerable.Repeat(-1, count)])));
            start += count;
        }

        return windows;
    }
}
