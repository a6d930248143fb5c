using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text.Analysis;
using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// <c>hearth analyze</c> on a shard, with the same output lines, with the trained models the job names. A document that
/// cannot be read or analysed becomes an error line (an application error, reported and never retried); the others are analysed.
/// </summary>
internal sealed class AnalyzeShardRunner(TextAnalyzer analyzer, TrainedModels trained) : IShardRunner
{
    public JobKind Kind => JobKind.Analyze;

    public (string[] Lines, int Words) Run(ShardLease lease, CancellationToken cancellationToken)
    {
        ModelChoice choice;
        try
        {
            choice = trained.Choose(lease.Models);
        }
        catch (Exception e) when (e is ArgumentException or ModelFileException)
        {
            return ([.. lease.Documents.Select(d => AnalysisLine.Error(d.Id, e.Message))], 0); // this node lacks a model the job names
        }

        var readable = lease.Documents.Where(d => d.Text is not null).ToList();
        var results = Analyze(readable, lease.Features, choice);
        var lines = lease.Documents.Select(d => d.Text is null ? AnalysisLine.Error(d.Id, d.Error ?? "no text")
            : results[d] is { } result ? AnalysisLine.Of(d.Id, result)
            : AnalysisLine.Error(d.Id, "the analysis failed on this document")).ToArray();
        return (lines, results.Values.Sum(r => r?.Usage.Words ?? 0));
    }

    private Dictionary<InputDocument, AnalysisResult?> Analyze(List<InputDocument> documents, string[] features, ModelChoice choice)
    {
        try
        {
            var results = analyzer.AnalyzeMany([.. documents.Select(d => d.Text!)], features, choice: choice);
            return documents.Select((d, i) => (d, results[i])).ToDictionary(p => p.d, p => (AnalysisResult?)p.Item2);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // One bad document must not sink its shard: analyse them one by one and mark the ones that fail.
            return documents.ToDictionary(d => d, d =>
            {
                try
                {
                    return analyzer.Analyze(d.Text!, features, choice: choice);
                }
                catch (Exception inner) when (inner is ArgumentException or InvalidOperationException or FormatException)
                {
                    return null;
                }
            });
        }
    }
}
