using Hearth.Text.Segmentation;

namespace Hearth.Text.Entities;

/// <summary>
/// PERSON, ORGANIZATION and LOCATION by rules, not yet by a model: runs of capitalised words, classified by
/// cues in this order: a title before ("Dr.", "President"), an organisation word inside ("Bank", "University",
/// "Inc"), a known organisation or place, a place word ("River", "Street"), a known first name, a speech verb
/// after ("…, said Smith"), "in"/"from" before a place; other runs of two or more words read as people.
/// The lists are in Models/names.txt. Measured quality: docs/models/README.md.
/// </summary>
public sealed class NameFinder
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "du", "des", "van", "von", "der", "&" };

    private readonly Dictionary<string, HashSet<string>> lists;

    public NameFinder()
    {
        using var stream = typeof(NameFinder).Assembly.GetManifestResourceStream("Hearth.Text.Models.names.txt")!;
        using var reader = new StreamReader(stream);
        lists = reader.ReadToEnd().Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#' && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(e => p[0].Trim() == "first" ? e : e.Replace('-', ' ')).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private static bool OnOneLine(Sentence sentence, Token left, Token right) =>
        !sentence.Text.AsSpan((left.Start + left.Length - sentence.Start)..(right.Start - sentence.Start)).Contains('\n');

    public IReadOnlyList<EntityMention> Find(IReadOnlyList<Sentence> sentences)
    {
        var found = new List<EntityMention>();
        foreach (var sentence in sentences)
        {
            var tokens = sentence.Tokens;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!Capitalised(tokens[i]))
                {
                    continue;
                }

                // "Bank of England", "Ministry of Health": a connector joins two runs only after an organisation or place word.
                // A line break ends a name ("Robert Kitson\nLONDON 1996-08-30" is a person, then a place).
                var end = i;
                while (end + 1 < tokens.Count && OnOneLine(sentence, tokens[end], tokens[end + 1]) && (Capitalised(tokens[end + 1])
                    || (Connectors.Contains(tokens[end + 1].Text) && end + 2 < tokens.Count && Capitalised(tokens[end + 2])
                    && tokens.Skip(i).Take(end - i + 1).Any(t => Is("org-word", t.Text) || Is("location-word", t.Text)))))
                {
                    end += Capitalised(tokens[end + 1]) ? 1 : 2;
                }

                var start = i;
                var titled = false;
                while (start <= end && (Is("title", tokens[start].Text) || (start == 0 && StopWordLike(tokens[start].Text))))
                {
                    titled |= Is("title", tokens[start].Text);
                    start++;
                    while (start <= end && tokens[start].Text == ".")
                    {
                        start++;
                    }
                }

                if (start <= end && Classify(tokens, start, end,
                    titled || (start > 0 && Is("title", tokens[start - 1].Text.TrimEnd('.')))) is { } entity)
                {
                    var from = tokens[start].Start;
                    var to = tokens[end].End;
                    found.Add(new EntityMention(entity.Type, sentence.Text[(from - sentence.Start)..(to - sentence.Start)], from, to - from,
                        entity.Confidence, "rules"));
                }

                i = end;
            }
        }

        return found;
    }

    private (string Type, double Confidence)? Classify(IReadOnlyList<Token> tokens, int start, int end, bool titled)
    {
        var words = tokens.Skip(start).Take(end - start + 1).Select(t => t.Text).ToList();
        var name = string.Join(' ', words);
        var previous = start > 0 ? tokens[start - 1].Text : "";
        var next = end + 1 < tokens.Count ? tokens[end + 1] : null;
        var afterNext = end + 2 < tokens.Count ? tokens[end + 2] : null;
        var speaks = next is not null && (Is("person-verb", next.Text)
            || (next.Text == "," && afterNext is not null && Is("person-verb", afterNext.Text)));
        return titled ? ("PERSON", 0.9)
            : words.Any(w => Is("org-word", w)) || Is("org", name) ? ("ORGANIZATION", 0.85)
            : Is("location", name) || Is("location-word", words[^1]) ? ("LOCATION", 0.85)
            : Is("first", words[0]) && words.Count <= 3 ? ("PERSON", 0.85)
            : speaks && words.Count <= 3 ? ("PERSON", 0.75)
            : words.Count == 1 && previous is "in" or "from" or "near" or "en" or "à" ? ("LOCATION", 0.6)
            : words.Count is >= 2 and <= 3 ? ("PERSON", 0.55)
            : null;
    }

    private bool Is(string list, string value) => lists.TryGetValue(list, out var entries) && entries.Contains(value);

    private static bool Capitalised(Token token) => token.Kind == TokenKind.Word && char.IsUpper(token.Text[0]);

    private static bool StopWordLike(string word) => Keywords.StopWords.Contains(word);
}
