namespace Hearth.Learning.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>A wrong prediction, with how sure the model was.</summary>
public sealed record Miss(string Text, string Expected, string Predicted, double Confidence);

/// <summary>How a classifier did on labelled texts: accuracy, per-class scores, confusion table, worst errors.</summary>
public sealed record ClassificationReport(int Examples, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> Classes,
    IReadOnlyList<string> Labels, int[][] Confusion, IReadOnlyList<Miss> WorstErrors)
{
    /// <param name="labels">The label set, in the model's order.</param>
    /// <param name="predictions">For each example: expected label, predicted label, the predicted label's probability.</param>
    public static ClassificationReport Score(IReadOnlyList<string> labels, IReadOnlyList<(string Text, string Expected, string Predicted,
        double Confidence)> predictions, int worst = 20)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray(); // rows: expected, columns: predicted
        foreach (var p in predictions)
        {
            confusion[index[p.Expected]][index[p.Predicted]]++;
        }

        var classes = labels.Select((label, c) =>
        {
            var truePositives = confusion[c][c];
            var predicted = confusion.Sum(row => row[c]);
            var support = confusion[c].Sum();
            var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
            var recall = support == 0 ? 0 : truePositives / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassScore(label, precision, recall, f1, support);
        }).ToList();
        var correct = predictions.Count(p => p.Expected == p.Predicted);
        var misses = predictions.Where(p => p.Expected != p.Predicted).OrderByDescending(p => p.Confidence).Take(worst)
            .Select(p => new Miss(p.Text, p.Expected, p.Predicted, p.Confidence)).ToList();
        var present = classes.Where(c => c.Support > 0).ToList();
        return new ClassificationReport(predictions.Count, predictions.Count == 0 ? 0 : correct / (double)predictions.Count,
            present.Count == 0 ? 0 : present.Average(c => c.F1), classes, labels, confusion, misses);
    }
}
