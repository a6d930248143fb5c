namespace Hearth.Learning.Heads;

/// <summary>
/// The case and shape of a word, which the uncased encoder cannot see: MiniLM lower-cases its input, so "Apple" and
/// "apple", "US" and "us" reach it alike. A tagger reads the shapes of a word and of its neighbours beside its vector.
/// </summary>
public static class WordShape
{
    /// <summary>No word (before the first, after the last), lower, Title, ALLCAPS, miXed, with a digit, punctuation or symbols.</summary>
    public const int Count = 7;

    /// <summary>Features per word: its shape, the previous word's, the next word's.</summary>
    public const int Features = 3 * Count;

    public static int Of(string word)
    {
        var (letters, upper, digits) = (0, 0, 0);
        foreach (var c in word)
        {
            letters += char.IsLetter(c) ? 1 : 0;
            upper += char.IsUpper(c) ? 1 : 0;
            digits += char.IsDigit(c) ? 1 : 0;
        }

        return digits > 0 ? 5
            : letters == 0 ? 6
            : upper == 0 ? 1
            : upper == letters && letters > 1 ? 3
            : upper == 1 && char.IsUpper(word[0]) ? 2
            : 4;
    }

    /// <summary>The active feature indexes of every word (three per word: <see cref="Features"/> in all).</summary>
    public static int[] Active(IReadOnlyList<string> words)
    {
        var shapes = words.Select(Of).ToArray();
        var active = new int[words.Count * 3];
        for (var w = 0; w < words.Count; w++)
        {
            active[3 * w] = shapes[w];
            active[(3 * w) + 1] = Count + (w > 0 ? shapes[w - 1] : 0);
            active[(3 * w) + 2] = (2 * Count) + (w < words.Count - 1 ? shapes[w + 1] : 0);
        }

        return active;
    }
}
