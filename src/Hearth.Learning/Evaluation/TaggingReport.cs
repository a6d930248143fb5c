namespace Hearth.Learning.Evaluation;

/// <summary>
/// How a tagger did on tagged sentences: word accuracy; for BIO tags, entities scored as conlleval does (an entity counts
/// only when its type and both ends are right: micro precision, recall and F1, and per type); else per-tag scores.
/// </summary>
public sealed record TaggingReport(int Sentences, int Words, double Accuracy, double Precision, double Recall, double F1,
    IReadOnlyList<ClassScore> Types, IReadOnlyList<Miss> WorstErrors)
{
    /// <summary>What training keeps the best epoch by: entity F1 for BIO tags, word accuracy otherwise.</summary>
    public double Headline => IsEntities ? F1 : Accuracy;

    public bool IsEntities { get; init; }

    /// <param name="sentences">Each sentence's words, expected tags and predicted tags.</param>
    public static TaggingReport Score(IReadOnlyList<(string[] Words, string[] Expected, string[] Predicted)> sentences, bool entities, int worst = 20)
    {
        var words = sentences.Sum(s => s.Words.Length);
        var correct = sentences.Sum(s => s.Expected.Zip(s.Predicted).Count(p => p.First == p.Second));
        var accuracy = words == 0 ? 0 : correct / (double)words;
        if (!entities)
        {
            var perWord = sentences.SelectMany(s => s.Words.Select((w, i) => (w, s.Expected[i], s.Predicted[i], 1.0))).ToList();
            var labels = perWord.SelectMany(p => new[] { p.Item2, p.Item3 }).Distinct().Order(StringComparer.Ordinal).ToList();
            var report = ClassificationReport.Score(labels, perWord, worst);
            return new TaggingReport(sentences.Count, words, accuracy, 0, 0, report.MacroF1, report.Classes, report.WorstErrors);
        }

        var (gold, found, misses) = (new List<EntitySpan>(), new List<EntitySpan>(), new List<(int Wrong, Miss Miss)>());
        var (goldCount, foundCount, right) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        foreach (var (text, expected, predicted) in sentences)
        {
            var (g, f) = (EntitySpans.From(expected), EntitySpans.From(predicted));
            var hits = g.Intersect(f).ToList();
            Count(goldCount, g);
            Count(foundCount, f);
            Count(right, hits);
            var wrong = g.Count + f.Count - (2 * hits.Count);
            if (wrong > 0)
            {
                misses.Add((wrong, new Miss(string.Join(' ', text), Spans(text, g), Spans(text, f), wrong)));
            }
        }

        var types = goldCount.Keys.Union(foundCount.Keys).Order(StringComparer.Ordinal).Select(t =>
            Scores(t, right.GetValueOrDefault(t), foundCount.GetValueOrDefault(t), goldCount.GetValueOrDefault(t))).ToList();
        var all = Scores("all", right.Values.Sum(), foundCount.Values.Sum(), goldCount.Values.Sum());
        return new TaggingReport(sentences.Count, words, accuracy, all.Precision, all.Recall, all.F1, types,
            [.. misses.OrderByDescending(m => m.Wrong).Take(worst).Select(m => m.Miss)]) { IsEntities = true };
    }

    private static void Count(Dictionary<string, int> counts, IEnumerable<EntitySpan> spans)
    {
        foreach (var span in spans)
        {
            counts[span.Type] = counts.GetValueOrDefault(span.Type) + 1;
        }
    }

    private static ClassScore Scores(string type, int right, int found, int gold)
    {
        var precision = found == 0 ? 0 : right / (double)found;
        var recall = gold == 0 ? 0 : right / (double)gold;
        return new ClassScore(type, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), gold);
    }

    private static string Spans(string[] words, IEnumerable<EntitySpan> spans) =>
        string.Join("; ", spans.Select(s => $"{string.Join(' ', words[s.Start..s.End])}/{s.Type}"));
}
