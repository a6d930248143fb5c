namespace Hearth.Learning.Heads;

/// <summary>
/// Words to the encoder's token sequence: [CLS], each word's pieces, [SEP], at most 128 tokens; a tag is read from a
/// word's first piece. The tokenizer splits on spaces and punctuation, so pieces word by word are the text's pieces.
/// </summary>
/// <param name="tokenize">The encoder's tokenizer, with [CLS] and [SEP].</param>
/// <param name="unknown">The id of [UNK], for a word that gives no piece (a control character).</param>
public sealed class WordPieces(Func<string, long[]> tokenize, int unknown = 100)
{
    public const int MaxTokens = 128;

    private readonly long[] specials = tokenize("");

    /// <summary>The sequence for the words from <paramref name="start"/> that fit, and the first piece of each of them.</summary>
    public (int[] Tokens, int[] FirstPieces) Encode(IReadOnlyList<string> words, int start = 0)
    {
        var tokens = new List<int> { (int)specials[0] };
        var firsts = new List<int>();
        for (var w = start; w < words.Count; w++)
        {
            var pieces = tokenize(words[w]);
            var count = Math.Max(1, pieces.Length - 2);
            if (tokens.Count + count + 1 > MaxTokens && firsts.Count > 0)
            {
                break;
            }

            firsts.Add(tokens.Count);
            tokens.AddRange(pieces.Length > 2 ? pieces[1..^1].Take(MaxTokens - 2).Select(id => (int)id) : [unknown]);
        }

        tokens.Add((int)specials[^1]);
        return ([.. tokens], [.. firsts]);
    }
}
