using System.Globalization;
using System.Text.Json;

namespace Hearth.Learning.Data;

/// <summary>
/// A text and its target: a label (classify, sentiment), labels joined by commas (multilabel), or numbers joined by
/// commas (regression).
/// </summary>
public sealed record LabelledText(string Text, string Label)
{
    /// <summary>The labels of a multilabel example.</summary>
    public string[] Labels => Label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Reads text-level training data, optionally gzipped, every line checked before training starts:
/// TSV lines <c>LABEL TAB TEXT</c> (the format of the corpora in shared/data; several labels or numbers joined by commas);
/// a TSV table whose header names a <c>text</c> column and a <c>label</c> or <c>labels</c> column, or else numeric
/// columns (the targets of a regression, e.g. EmoBank's V, A, D); or JSON Lines <c>{"text": …, "label": …}</c>
/// (<c>"labels": […]</c>, <c>"values": […]</c>).
/// </summary>
public static class LabelledTexts
{
    /// <param name="requireTwoLabels">Training a classifier needs at least two labels; scoring and regression do not.</param>
    public static IReadOnlyList<LabelledText> Read(string path, bool requireTwoLabels = true) => Read(path, requireTwoLabels, out _);

    /// <param name="targets">For a table without a label column: the names of its numeric columns; else null.</param>
    public static IReadOnlyList<LabelledText> Read(string path, bool requireTwoLabels, out IReadOnlyList<string>? targets)
    {
        using var reader = DataFile.Open(path);
        var json = DataFile.Format(path).EndsWith(".jsonl", StringComparison.Ordinal);
        var examples = new List<LabelledText>();
        var (number, table) = (0, (Table?)null);
        targets = null;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            if (number == 1 && !json && Table.FromHeader(line) is { } header)
            {
                (table, targets) = (header, header.Label < 0 ? header.Targets.Select(t => header.Names[t]).ToList() : null);
                continue;
            }

            var example = json ? FromJson(line) : table is not null ? table.Read(line) : FromTsv(line);
            if (example is null)
            {
                var expected = json ? "not a JSON object with \"text\" and \"label\" (or \"labels\", \"values\")"
                    : table is not null ? $"not {table.Names.Count} tab-separated columns with numbers in {string.Join(", ", targets ?? [])}"
                    : "not LABEL<TAB>TEXT";
                throw new DataFileException($"{path}:{number}: {expected}: {DataFile.Shorten(line)}");
            }

            if (string.IsNullOrWhiteSpace(example.Text))
            {
                throw new DataFileException($"{path}:{number}: the text is empty");
            }

            if (string.IsNullOrWhiteSpace(example.Label) || example.Labels.Any(l => l.Length > 64))
            {
                throw new DataFileException($"{path}:{number}: the label '{DataFile.Shorten(example.Label)}' is empty or longer than 64 characters");
            }

            examples.Add(example);
        }

        if (requireTwoLabels && targets is null && examples.SelectMany(e => e.Labels).Distinct().Count() < 2)
        {
            throw new DataFileException($"{path}: {examples.Count} examples with fewer than two labels: a classifier needs at least two");
        }

        return examples;
    }

    private static LabelledText? FromTsv(string line) =>
        line.Split('\t', 2) is [var label, var text] ? new LabelledText(text.Trim(), label.Trim()) : null;

    private static LabelledText? FromJson(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var label = root.TryGetProperty("label", out var one) && one.ValueKind is JsonValueKind.String or JsonValueKind.Number ? one.ToString()
                : (root.TryGetProperty("labels", out var many) || root.TryGetProperty("values", out many)) && many.ValueKind == JsonValueKind.Array
                    ? string.Join(',', many.EnumerateArray().Select(e => e.ToString()))
                    : null;
            return label is null ? null : new LabelledText(text.GetString()!, label);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A TSV table: its columns, the text's, the label's (−1: none) and the numeric targets'.</summary>
    private sealed record Table(IReadOnlyList<string> Names, int Text, int Label, int[] Targets)
    {
        public static Table? FromHeader(string line)
        {
            var names = line.Split('\t').Select(n => n.Trim()).ToList();
            var text = names.FindIndex(n => n.Equals("text", StringComparison.OrdinalIgnoreCase));
            var label = names.FindIndex(n => n.ToLowerInvariant() is "label" or "labels");
            var targets = Enumerable.Range(0, names.Count)
                .Where(i => i != text && i != label && !names[i].Equals("id", StringComparison.OrdinalIgnoreCase)).ToArray();
            return names.Count < 2 || text < 0 ? null : new Table(names, text, label, label >= 0 ? [] : targets);
        }

        public LabelledText? Read(string line)
        {
            var columns = line.Split('\t');
            if (columns.Length != Names.Count
                || Targets.Any(t => !double.TryParse(columns[t], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                return null;
            }

            var label = Label >= 0 ? columns[Label] : string.Join(',', Targets.Select(t => columns[t].Trim()));
            return new LabelledText(columns[Text].Trim(), label.Trim());
        }
    }
}
