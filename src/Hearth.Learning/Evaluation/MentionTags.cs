using Hearth.Text.Entities;

namespace Hearth.Learning.Evaluation;

/// <summary>Mentions found in a text made of words joined by single spaces, as BIO tags of those words (PER, ORG, LOC only).</summary>
public static class MentionTags
{
    public static string[] Of(IReadOnlyList<string> words, IEnumerable<EntityMention> mentions)
    {
        var starts = words.Select((w, i) => words.Take(i).Sum(x => x.Length + 1)).ToArray();
        var tags = words.Select(_ => "O").ToArray();
        foreach (var m in mentions)
        {
            var type = m.Type switch { "PERSON" => "PER", "ORGANIZATION" => "ORG", "LOCATION" => "LOC", _ => null };
            var (first, last) = (Array.IndexOf(starts, m.Start), Array.FindLastIndex(starts, x => x < m.End));
            if (type is not null && first >= 0 && last >= first)
            {
                for (var w = first; w <= last; w++)
                {
                    tags[w] = (w == first ? "B-" : "I-") + type;
                }
            }
        }

        return tags;
    }
}
