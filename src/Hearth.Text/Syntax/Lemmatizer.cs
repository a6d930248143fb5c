using System.Globalization;
using System.Text;

namespace Hearth.Text.Syntax;

/// <summary>
/// Lemmas from a word and its part of speech (Universal POS), learned from a treebank: the lemma seen most often for
/// the word and tag; for a word never seen, the edit most often seen for words of that tag ending the same way
/// (the longest ending seen at least twice), as UDPipe's and Stanza's lemmatisers fall back to edit scripts.
/// An edit is "cut N characters from the end, then add S" on the lower-cased word (proper nouns keep their case).
/// </summary>
public sealed class Lemmatizer
{
    private const int LongestEnding = 5;
    private static readonly Lazy<Lemmatizer> ShippedTable = new(() => Load(new StringReader(Heads.Resources.Text("lemmas.tsv"))));
    private readonly Dictionary<(string Word, string Tag), string> words;
    private readonly Dictionary<(string Tag, string Ending), string> edits;

    private Lemmatizer(Dictionary<(string, string), string> words, Dictionary<(string, string), string> edits) =>
        (this.words, this.edits) = (words, edits);

    /// <summary>The table learned from UD English-EWT's train split (Models/lemmas.tsv, written by tools/train-lemmas.cs).</summary>
    public static Lemmatizer Shipped => ShippedTable.Value;

    /// <summary>Learns from (word, Universal POS tag, lemma) triples.</summary>
    public static Lemmatizer Learn(IEnumerable<(string Word, string Tag, string Lemma)> examples)
    {
        var wordCounts = new Dictionary<(string, string), Dictionary<string, int>>();
        var editCounts = new Dictionary<(string, string), Dictionary<string, int>>();
        foreach (var (word, tag, lemma) in examples)
        {
            Count(wordCounts, (Key(word, tag), tag), lemma);
            var edit = Edit(Key(word, tag), lemma);
            var key = Key(word, tag);
            for (var n = 0; n <= Math.Min(LongestEnding, key.Length); n++)
            {
                Count(editCounts, (tag, key[^n..]), edit);
            }
        }

        return new Lemmatizer(
            wordCounts.ToDictionary(e => e.Key, e => Best(e.Value)),
            editCounts.Where(e => e.Value.Values.Sum() >= 2 || e.Key.Item2.Length == 0).ToDictionary(e => e.Key, e => Best(e.Value)));
    }

    /// <summary>The word's lemma for its part of speech.</summary>
    public string Lemma(string word, string tag)
    {
        var key = Key(word, tag);
        if (words.TryGetValue((key, tag), out var known))
        {
            return known;
        }

        for (var n = Math.Min(LongestEnding, key.Length); n >= 0; n--)
        {
            if (edits.TryGetValue((tag, key[^n..]), out var edit))
            {
                return Apply(key, edit);
            }
        }

        return key;
    }

    /// <summary>Saves as lines <c>w TAB WORD TAB TAG TAB LEMMA</c> and <c>e TAB TAG TAB ENDING TAB EDIT</c>.</summary>
    public void Save(TextWriter writer)
    {
        foreach (var ((word, tag), lemma) in words.OrderBy(e => e.Key.Word, StringComparer.Ordinal).ThenBy(e => e.Key.Tag, StringComparer.Ordinal))
        {
            writer.Write($"w\t{word}\t{tag}\t{lemma}\n");
        }

        foreach (var ((tag, ending), edit) in edits.OrderBy(e => e.Key.Tag, StringComparer.Ordinal).ThenBy(e => e.Key.Ending, StringComparer.Ordinal))
        {
            writer.Write($"e\t{tag}\t{ending}\t{edit}\n");
        }
    }

    /// <exception cref="InvalidDataException">A line that is not one <see cref="Save"/> writes.</exception>
    public static Lemmatizer Load(TextReader reader)
    {
        var (words, edits) = (new Dictionary<(string, string), string>(), new Dictionary<(string, string), string>());
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var fields = line.Split('\t');
            switch (fields)
            {
                case ["w", var word, var tag, var lemma]:
                    words[(word, tag)] = lemma;
                    break;
                case ["e", var tag, var ending, var edit]:
                    edits[(tag, ending)] = edit;
                    break;
                default:
                    throw new InvalidDataException($"lemma table line {number}: not 'w WORD TAG LEMMA' or 'e TAG ENDING EDIT'");
            }
        }

        return new Lemmatizer(words, edits);
    }

    /// <summary>The word as lemmas are looked up: lower case, but for proper nouns.</summary>
    private static string Key(string word, string tag) => tag == "PROPN" ? word : word.ToLower(CultureInfo.InvariantCulture);

    /// <summary>"N|SUFFIX": cut N characters from the end of the word, then add SUFFIX.</summary>
    private static string Edit(string word, string lemma)
    {
        var common = 0;
        while (common < Math.Min(word.Length, lemma.Length) && word[common] == lemma[common])
        {
            common++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{word.Length - common}|{lemma[common..]}");
    }

    private static string Apply(string word, string edit)
    {
        var bar = edit.IndexOf('|', StringComparison.Ordinal);
        var cut = int.Parse(edit.AsSpan(0, bar), CultureInfo.InvariantCulture);
        return cut > word.Length ? word : new StringBuilder(word, 0, word.Length - cut, word.Length).Append(edit.AsSpan(bar + 1)).ToString();
    }

    private static void Count<TKey>(Dictionary<TKey, Dictionary<string, int>> counts, TKey key, string value) where TKey : notnull
    {
        if (!counts.TryGetValue(key, out var values))
        {
            counts[key] = values = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        values[value] = values.GetValueOrDefault(value) + 1;
    }

    /// <summary>The most frequent value; ties go to the first in ordinal order, so a table is the same every time.</summary>
    private static string Best(Dictionary<string, int> values) =>
        values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
}
