namespace Hearth.Learning.Evaluation;

/// <summary>How a multilabel classifier did (a label is predicted when its probability is at least 0.5).</summary>
/// <param name="ExactMatch">The share of texts whose predicted label set is exactly the expected one.</param>
public sealed record MultiLabelReport(int Examples, double ExactMatch, double MicroF1, double MacroF1, IReadOnlyList<ClassScore> Classes,
    IReadOnlyList<Miss> WorstErrors)
{
    public static MultiLabelReport Score(IReadOnlyList<string> labels,
        IReadOnlyList<(string Text, string[] Expected, float[] Probabilities)> predictions, int worst = 20)
    {
        var found = predictions.Select(p => labels.Where((_, c) => p.Probabilities[c] >= 0.5f).ToHashSet()).ToList();
        var counts = labels.Select(label => (
            Right: predictions.Where((p, i) => p.Expected.Contains(label) && found[i].Contains(label)).Count(),
            Found: found.Count(f => f.Contains(label)),
            Gold: predictions.Count(p => p.Expected.Contains(label)))).ToList();
        var classes = labels.Select((label, c) => F1(label, counts[c].Right, counts[c].Found, counts[c].Gold)).ToList();
        var all = F1("all", counts.Sum(c => c.Right), counts.Sum(c => c.Found), counts.Sum(c => c.Gold));
        var exact = predictions.Where((p, i) => found[i].SetEquals(p.Expected)).Count();
        var misses = predictions
            .Select((p, i) => (p, Wrong: found[i].Except(p.Expected).Count() + p.Expected.Except(found[i]).Count(), Found: found[i]))
            .Where(x => x.Wrong > 0).OrderByDescending(x => x.Wrong).Take(worst)
            .Select(x => new Miss(x.p.Text, string.Join(",", x.p.Expected), string.Join(",", x.Found), x.Wrong)).ToList();
        var present = classes.Where(c => c.Support > 0).ToList();
        return new MultiLabelReport(predictions.Count, predictions.Count == 0 ? 0 : exact / (double)predictions.Count, all.F1,
            present.Count == 0 ? 0 : present.Average(c => c.F1), classes, misses);
    }

    internal static ClassScore F1(string label, int right, int found, int gold)
    {
        var precision = found == 0 ? 0 : right / (double)found;
        var recall = gold == 0 ? 0 : right / (double)gold;
        return new ClassScore(label, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), gold);
    }
}
