using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;

namespace Hearth.Learning.Training;

/// <summary><c>hearth train ner|pos</c>: tagged sentences checked first (BIO for ner), the base encoder and a new token tagger.</summary>
public static class TaggerTraining
{
    public static ModelCard Run(TrainingRequest request, ModelStore store, WordPieces pieces, Action<TrainingProgress> progress,
        CancellationToken cancellationToken)
    {
        var bio = request.Task == "ner";
        var data = TaggedSentences.Read(request.Data, bio);
        var dev = request.Dev is null ? null : TaggedSentences.Read(request.Dev, bio);
        var labels = data.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2)
        {
            throw new DataFileException($"{request.Data}: every word has the tag {labels[0]}: a tagger needs at least two tags");
        }

        var examples = data.SelectMany(s => TaggerInput.Windows(s.Words, pieces, [.. s.Tags.Select(t => labels.IndexOf(t))])).ToList();
        var model = ModelStore.LoadBase();
        var tagger = new TokenTagger(labels, model.Config.Hidden, request.Options.Seed);
        var card = ModelCard.For(request, labels, data.Count);
        return TrainingRun.Run(request, store, card, model, tagger, examples, dev is null ? null : card =>
        {
            var report = TaggingEvaluation.Evaluate(model, tagger, pieces, dev, cancellationToken);
            return bio
                ? (card with { DevAccuracy = report.Accuracy, DevEntityF1 = report.F1 }, $"dev entity F1 {report.F1:F3} (precision "
                    + $"{report.Precision:F3}, recall {report.Recall:F3}), word accuracy {report.Accuracy:F3}")
                : (card with { DevAccuracy = report.Accuracy, DevMacroF1 = report.F1 },
                    $"dev accuracy {report.Accuracy:F3}, macro-F1 {report.F1:F3}");
        }, progress, cancellationToken);
    }
}
