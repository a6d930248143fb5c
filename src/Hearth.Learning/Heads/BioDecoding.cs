namespace Hearth.Learning.Heads;

/// <summary>
/// The best tag sequence under BIO's rule (an I-TYPE only after a B-TYPE or an I-TYPE of the same type), by Viterbi over
/// the tagger's log-probabilities; for tags that are not BIO (parts of speech), the best tag of each word.
/// </summary>
public static class BioDecoding
{
    public static int[] Decode(IReadOnlyList<float[]> logProbabilities, IReadOnlyList<string> labels)
    {
        var words = logProbabilities.Count;
        if (words == 0)
        {
            return [];
        }

        if (!labels.Any(l => l.StartsWith("I-", StringComparison.Ordinal)))
        {
            return [.. logProbabilities.Select(p => Array.IndexOf(p, p.Max()))];
        }

        var n = labels.Count;
        var score = new double[words, n];
        var back = new int[words, n];
        for (var t = 0; t < n; t++)
        {
            score[0, t] = labels[t].StartsWith("I-", StringComparison.Ordinal) ? double.NegativeInfinity : logProbabilities[0][t];
        }

        for (var w = 1; w < words; w++)
        {
            for (var t = 0; t < n; t++)
            {
                var (best, from) = (double.NegativeInfinity, 0);
                for (var p = 0; p < n; p++)
                {
                    if (Allowed(labels[p], labels[t]) && score[w - 1, p] > best)
                    {
                        (best, from) = (score[w - 1, p], p);
                    }
                }

                (score[w, t], back[w, t]) = (best + logProbabilities[w][t], from);
            }
        }

        var tags = new int[words];
        tags[^1] = Enumerable.Range(0, n).MaxBy(t => score[words - 1, t]);
        for (var w = words - 1; w > 0; w--)
        {
            tags[w - 1] = back[w, tags[w]];
        }

        return tags;
    }

    private static bool Allowed(string previous, string tag) =>
        !tag.StartsWith("I-", StringComparison.Ordinal) || (previous.Length > 2 && previous[2..] == tag[2..]);
}
