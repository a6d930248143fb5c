namespace Hearth.Text.Entities;

/// <summary>An entity and all its mentions, as cloud NLP services report it.</summary>
/// <param name="Relevance">0–1: more mentions and earlier ones rank higher.</param>
public sealed record Entity(string Type, string Text, double Relevance, int Count, double Confidence, IReadOnlyList<EntityMention> Mentions)
{
    /// <summary>Groups mentions of the same type and text (case-insensitive), most relevant first.</summary>
    public static IReadOnlyList<Entity> Group(IReadOnlyList<EntityMention> mentions, int textLength)
    {
        var groups = mentions.GroupBy(m => (m.Type, Key: m.Text.ToLowerInvariant())).ToList();
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
                return new Entity(g.Key.Type, g.First().Text, Math.Round(relevance, 4), g.Count(), g.Max(m => m.Confidence),
                    [.. g.OrderBy(m => m.Start)]);
            })
            .OrderByDescending(e => e.Relevance)];
    }
}
