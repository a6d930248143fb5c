namespace Hearth.Text.Entities;

/// <summary>An entity and all its mentions, as cloud NLP services report it.</summary>
/// <param name="Text">Its fullest name among its mentions.</param>
/// <param name="Relevance">0–1: more mentions and earlier ones rank higher.</param>
public sealed record Entity(string Type, string Text, double Relevance, int Count, double Confidence, IReadOnlyList<EntityMention> Mentions)
{
    private static readonly char[] Spaces = [' ', '\t', '\n', '\r'];

    /// <summary>
    /// Groups mentions of the same type and text (case-insensitive), most relevant first. A shorter form of a person's
    /// or an organisation's name in the same text ("Obama" after "Barack Obama") joins that name's entity, as Watson
    /// does, when only one fuller name of that type has those words.
    /// </summary>
    public static IReadOnlyList<Entity> Group(IReadOnlyList<EntityMention> mentions, int textLength)
    {
        var groups = mentions.GroupBy(m => (m.Type, Key: FullName(m, mentions))).ToList();
        if (groups.Count == 0)
        {
            return [];
        }

        var most = groups.Max(g => g.Count());
        return [.. groups
            .Select(g =>
            {
                var first = g.Min(m => m.Start);
                var relevance = (0.6 * g.Count() / most) + (0.4 * (1 - ((double)first / Math.Max(1, textLength))));
                return new Entity(g.Key.Type, g.MaxBy(m => m.Text.Length)!.Text, Math.Round(relevance, 4), g.Count(), g.Max(m => m.Confidence),
                    [.. g.OrderBy(m => m.Start)]);
            })
            .OrderByDescending(e => e.Relevance)];
    }

    /// <summary>The lower-case name a mention is grouped under: its own, or the one fuller name of its type that has its words.</summary>
    private static string FullName(EntityMention mention, IReadOnlyList<EntityMention> all)
    {
        var own = mention.Text.ToLowerInvariant();
        if (mention.Type is not ("PERSON" or "ORGANIZATION"))
        {
            return own;
        }

        var words = Words(own);
        var fuller = all.Where(m => m.Type == mention.Type && m.Text.Length > mention.Text.Length)
            .Select(m => m.Text.ToLowerInvariant()).Distinct().Where(n => Words(n) is var w && w.Length > words.Length && words.All(w.Contains))
            .ToList();
        return fuller is [var one] ? one : own;
    }

    private static string[] Words(string name) => name.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);
}
