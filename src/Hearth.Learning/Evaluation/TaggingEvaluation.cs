using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;

namespace Hearth.Learning.Evaluation;

/// <summary>Runs a tagger over tagged sentences on the engine and scores it.</summary>
public static class TaggingEvaluation
{
    private const int Batch = 32;

    public static TaggingReport Evaluate(BertModel model, TokenTagger tagger, WordPieces pieces, IReadOnlyList<TaggedSentence> sentences,
        CancellationToken cancellationToken = default)
    {
        var unknown = sentences.SelectMany(s => s.Tags).Distinct().Where(t => !tagger.Labels.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new DataFileException($"tags the model does not know: {string.Join(", ", unknown.Take(10))} (it knows "
                + $"{string.Join(", ", tagger.Labels)})");
        }

        var predicted = Tag(model, tagger, pieces, [.. sentences.Select(s => s.Words)], cancellationToken);
        var entities = tagger.Labels.Any(l => l.StartsWith("B-", StringComparison.Ordinal));
        return TaggingReport.Score([.. sentences.Select((s, i) => (s.Words, s.Tags, predicted[i]))], entities);
    }

    /// <summary>The tags of each sentence's words (BIO-constrained for entity tags).</summary>
    public static string[][] Tag(BertModel model, TokenTagger tagger, WordPieces pieces, IReadOnlyList<string[]> sentences,
        CancellationToken cancellationToken = default)
    {
        var windows = sentences.SelectMany((words, s) => TaggerInput.Windows(words, pieces).Select(w => (Sentence: s, w.Tokens, w.Words))).ToList();
        var scores = sentences.Select(_ => new List<float[]>()).ToArray();
        var hidden = model.Config.Hidden;
        foreach (var batch in windows.Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pass = BertEncoder.Forward(model, [.. batch.Select(w => w.Tokens)]);
            for (var b = 0; b < batch.Length; b++)
            {
                var states = pass.Output.AsSpan(pass.Offsets[b] * hidden, batch[b].Tokens.Length * hidden);
                scores[batch[b].Sentence].AddRange(tagger.LogProbabilities(states, batch[b].Words, hidden));
            }
        }

        return [.. scores.Select(s => BioDecoding.Decode(s, tagger.Labels).Select(t => tagger.Labels[t]).ToArray())];
    }
}
