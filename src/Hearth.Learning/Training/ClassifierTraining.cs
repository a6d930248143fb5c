using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;

namespace Hearth.Learning.Training;

/// <summary>
/// <c>hearth train classify|sentiment|multilabel|regression</c>: labelled texts checked first, the base encoder and a
/// new sentence head; after each epoch, the temperature that calibrates the dev file's probabilities, then its figures.
/// </summary>
public static class ClassifierTraining
{
    public static ModelCard Run(TrainingRequest request, ModelStore store, Func<string, int[]> tokenize, Action<TrainingProgress> progress,
        CancellationToken cancellationToken)
    {
        var objective = ModelCard.ObjectiveOf(request.Task);
        var data = LabelledTexts.Read(request.Data, requireTwoLabels: objective != Objective.Regression, out var columns);
        var dev = request.Dev is null ? null : LabelledTexts.Read(request.Dev, requireTwoLabels: false);
        IReadOnlyList<string> labels = objective switch
        {
            Objective.Regression => columns ?? [.. Enumerable.Range(1, data[0].Labels.Length).Select(k => $"value{k}")],
            Objective.MultiLabel => [.. data.SelectMany(e => e.Labels).Distinct().Order(StringComparer.Ordinal)],
            _ => [.. data.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal)],
        };
        var model = ModelStore.LoadBase();
        var head = new SentenceHead(labels, model.Config.Hidden, request.Options.Seed, objective);
        ClassifierEvaluation.Check(head, data);
        ClassifierEvaluation.Check(head, dev ?? []);
        var examples = data.Select(e => (tokenize(e.Text), ClassifierEvaluation.Target(head, e))).ToList();
        if (objective == Objective.Regression)
        {
            // Start from the mean of each target: the first steps then learn the differences, not the scale.
            for (var k = 0; k < labels.Count; k++)
            {
                head.Bias.Value[k] = (float)examples.Average(e => e.Item2[k]);
            }
        }

        return TrainingRun.Run(request, store, ModelCard.For(request, labels, data.Count), model, head, examples,
            dev is null ? null : card => Evaluate(card, model, head, tokenize, dev, cancellationToken), progress, cancellationToken);
    }

    /// <summary>The dev figures after the temperature is fitted on the dev file's logits (classifiers).</summary>
    private static (ModelCard, string) Evaluate(ModelCard card, Encoder.BertModel model, SentenceHead head, Func<string, int[]> tokenize,
        IReadOnlyList<LabelledText> dev, CancellationToken cancellationToken)
    {
        var logits = ClassifierEvaluation.Logits(model, head, tokenize, [.. dev.Select(e => e.Text)], cancellationToken);
        head.Temperature = 1;
        var before = ClassifierEvaluation.Score(head, dev, logits).Ece;
        if (head.Objective != Objective.Regression)
        {
            head.Temperature = (float)Calibration.FitTemperature(logits, [.. dev.Select(e => ClassifierEvaluation.Target(head, e))], head.Objective);
        }

        var report = ClassifierEvaluation.Score(head, dev, logits) with { EceBefore = before };
        return (card with
        {
            DevAccuracy = report.Classes?.Accuracy, DevMacroF1 = report.Classes?.MacroF1 ?? report.Labels?.MacroF1,
            DevPearson = report.Numbers?.MeanPearson, Temperature = head.Temperature, DevEceBefore = before, DevEce = report.Ece,
        }, report.Summary);
    }
}
