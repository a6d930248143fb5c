using Hearth.Text.Segmentation;

namespace Hearth.Text.Keywords;

/// <summary>
/// Key phrases by TextRank (Mihalcea and Tarau, 2004): words are ranked by PageRank over a co-occurrence
/// graph, and phrases (runs of up to three content words) score the mean rank of their words, weighted by
/// frequency. No model, deterministic, fast; semantic keyword ranking on embeddings can build on it.
/// </summary>
public static class TextRank
{
    private const int Window = 3;
    private const double Damping = 0.85;

    public static IReadOnlyList<Keyword> Extract(IReadOnlyList<Sentence> sentences, int limit = 10)
    {
        var phrases = new List<string[]>();
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var sentence in sentences)
        {
            var run = new List<string>();
            var content = new List<string>();
            foreach (var token in sentence.Tokens)
            {
                var word = token.Text.ToLowerInvariant();
                if (token.Kind == TokenKind.Word && word.Length > 1 && !StopWords.Contains(word))
                {
                    run.Add(word);
                    content.Add(word);
                }
                else
                {
                    Flush(run, phrases);
                    if (token.Kind != TokenKind.Word)
                    {
                        content.Add(""); // punctuation breaks co-occurrence too
                    }
                }
            }

            Flush(run, phrases);
            for (var i = 0; i < content.Count; i++)
            {
                for (var j = i + 1; j < Math.Min(content.Count, i + Window) && content[i].Length > 0; j++)
                {
                    if (content[j].Length > 0 && content[j] != content[i])
                    {
                        Edge(graph, content[i], content[j]);
                        Edge(graph, content[j], content[i]);
                    }
                }
            }
        }

        var rank = PageRank(graph);
        var scored = phrases
            .GroupBy(p => string.Join(' ', p))
            .Select(g => (Text: g.Key, Count: g.Count(),
                Score: g.First().Average(w => rank.GetValueOrDefault(w)) * (1 + Math.Log(g.Count())) * (1 + (0.25 * (g.First().Length - 1)))))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Text, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var best = scored.Count > 0 ? scored[0].Score : 1;
        return [.. scored.Select(p => new Keyword(p.Text, Math.Round(p.Score / best, 4), p.Count))];
    }

    private static void Flush(List<string> run, List<string[]> phrases)
    {
        // Long runs are split into phrases of at most three words.
        for (var i = 0; i < run.Count; i += 3)
        {
            phrases.Add([.. run.Skip(i).Take(3)]);
        }

        run.Clear();
    }

    private static void Edge(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        if (!graph.TryGetValue(from, out var neighbours))
        {
            graph[from] = neighbours = [];
        }

        neighbours.Add(to);
    }

    private static Dictionary<string, double> PageRank(Dictionary<string, HashSet<string>> graph)
    {
        var rank = graph.Keys.ToDictionary(k => k, _ => 1.0);
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var next = new Dictionary<string, double>(rank.Count);
            foreach (var (word, neighbours) in graph)
            {
                next[word] = (1 - Damping) + (Damping * neighbours.Sum(n => rank[n] / graph[n].Count));
            }

            rank = next;
        }

        return rank;
    }
}
