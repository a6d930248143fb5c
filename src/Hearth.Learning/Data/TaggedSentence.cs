namespace Hearth.Learning.Data;

/// <summary>A sentence's words and one tag per word (BIO entity tags, or parts of speech); <paramref name="Line"/>: where it starts.</summary>
public sealed record TaggedSentence(string[] Words, string[] Tags, int Line);

/// <summary>
/// Reads word-level training data, optionally gzipped: CoNLL (<c>WORD … TAG</c> per line, tab or space separated, the tag
/// last; a blank line ends a sentence; <c>-DOCSTART-</c> lines skipped); CoNLL-U (<c>.conllu</c>: FORM and UPOS; multiword
/// tokens and empty nodes skipped); or, for entities, JSON Lines with spans (<c>{"text": …, "entities": [{"start", "end",
/// "label"}]}</c> or <c>[start, end, label]</c> items, character offsets; the text split into words as <c>hearth analyze</c>
/// does). With <c>bio</c>, every tag must be O, B-TYPE or I-TYPE; an I-TYPE that starts an entity (IOB1) is read as B-TYPE.
/// </summary>
public static class TaggedSentences
{
    public static IReadOnlyList<TaggedSentence> Read(string path, bool bio)
    {
        using var reader = DataFile.Open(path);
        if (DataFile.Format(path).EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return bio ? FromSpans(path, reader)
                : throw new DataFileException($"{path}: JSON Lines with spans are for ner; pos reads CoNLL or CoNLL-U");
        }

        var conllu = DataFile.Format(path).EndsWith(".conllu", StringComparison.Ordinal);
        var sentences = new List<TaggedSentence>();
        var (words, tags, start, number) = (new List<string>(), new List<string>(), 1, 0);
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (words.Count > 0)
                {
                    sentences.Add(new TaggedSentence([.. words], [.. tags], start));
                    (words, tags) = ([], []);
                }

                start = number + 1;
                continue;
            }

            if (conllu && line.StartsWith('#'))
            {
                start = number + 1;
                continue;
            }

            var (word, tag) = conllu ? FromConllu(line) : FromConll(line);
            if (word is null)
            {
                throw new DataFileException($"{path}:{number}: {(conllu ? "not 10 tab-separated CoNLL-U columns" : "not WORD<TAB>TAG")}: "
                    + DataFile.Shorten(line));
            }

            if (word.Length == 0)
            {
                continue; // a multiword token or an empty node: its words carry the tags
            }

            if (bio)
            {
                tag = Bio(tag!, tags.Count == 0 ? "O" : tags[^1]) ?? throw new DataFileException(
                    $"{path}:{number}: the tag '{DataFile.Shorten(tag!)}' is not BIO: use O, B-TYPE or I-TYPE (e.g. B-PER, I-PER)");
            }

            words.Add(word);
            tags.Add(tag!);
        }

        if (words.Count > 0)
        {
            sentences.Add(new TaggedSentence([.. words], [.. tags], start));
        }

        if (sentences.Count == 0)
        {
            throw new DataFileException($"{path}: no tagged sentence (CoNLL: one 'WORD<TAB>TAG' per line, a blank line between sentences)");
        }

        return sentences;
    }

    private static List<TaggedSentence> FromSpans(string path, StreamReader reader)
    {
        var sentences = new List<TaggedSentence>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var (text, spans) = Spans(line) ?? throw new DataFileException(
                $"{path}:{number}: not {{\"text\": …, \"entities\": [{{\"start\", \"end\", \"label\"}}]}}: {DataFile.Shorten(line)}");
            var tokens = Hearth.Text.Segmentation.Segmenter.Tokenize(text);
            var tags = tokens.Select(_ => "O").ToArray();
            foreach (var (start, end, label) in spans)
            {
                var inside = Enumerable.Range(0, tokens.Count).Where(t => tokens[t].Start < end && tokens[t].End > start).ToList();
                if (inside.Count == 0 || tokens[inside[0]].Start != start || tokens[inside[^1]].End != end || inside.Any(t => tags[t] != "O"))
                {
                    var shown = start >= 0 && start < end && end <= text.Length ? DataFile.Shorten(text[start..end]) : "outside the text";
                    throw new DataFileException($"{path}:{number}: the entity at {start}–{end} ('{shown}') does not fall on word boundaries, or "
                        + "overlaps another");
                }

                for (var i = 0; i < inside.Count; i++)
                {
                    tags[inside[i]] = (i == 0 ? "B-" : "I-") + label;
                }
            }

            if (tokens.Count > 0)
            {
                sentences.Add(new TaggedSentence([.. tokens.Select(t => t.Text)], tags, number));
            }
        }

        return sentences.Count > 0 ? sentences : throw new DataFileException($"{path}: no text with entities");
    }

    private static (string Text, List<(int Start, int End, string Label)> Spans)? Spans(string line)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != System.Text.Json.JsonValueKind.String
                || !(root.TryGetProperty("entities", out var items) || root.TryGetProperty("spans", out items)))
            {
                return null;
            }

            var spans = items.EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.Array
                ? (e[0].GetInt32(), e[1].GetInt32(), e[2].GetString()!)
                : (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(),
                    (e.TryGetProperty("label", out var l) ? l : e.GetProperty("type")).GetString()!)).ToList();
            return (text.GetString()!, spans);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException
            or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static (string? Word, string? Tag) FromConll(string line)
    {
        var columns = line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ' ', StringSplitOptions.RemoveEmptyEntries);
        return columns.Length >= 2 && columns[^1].Length <= 64 ? (columns[0], columns[^1]) : (null, null);
    }

    private static (string? Word, string? Tag) FromConllu(string line)
    {
        var columns = line.Split('\t');
        return columns.Length != 10 ? (null, null)
            : columns[0].Contains('-', StringComparison.Ordinal) || columns[0].Contains('.', StringComparison.Ordinal) ? ("", "")
            : (columns[1], columns[3]);
    }

    /// <summary>The tag in BIO2, or null when it is not a BIO tag.</summary>
    private static string? Bio(string tag, string previous)
    {
        if (tag == "O")
        {
            return tag;
        }

        if (tag.Length < 3 || tag[1] != '-' || tag[0] is not ('B' or 'I'))
        {
            return null;
        }

        return tag[0] == 'I' && (previous.Length < 3 || previous[2..] != tag[2..]) ? "B" + tag[1..] : tag;
    }
}
