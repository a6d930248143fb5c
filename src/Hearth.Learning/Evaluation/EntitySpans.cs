namespace Hearth.Learning.Evaluation;

/// <summary>An entity: its type and the words [Start, End) it covers.</summary>
public sealed record EntitySpan(string Type, int Start, int End);

/// <summary>
/// Entities from tags by conlleval's rules: an entity starts at B-TYPE, or at I-TYPE when the word before is O or of
/// another type, and goes on over I-TYPE of its type; a B-TYPE ends the one before.
/// </summary>
public static class EntitySpans
{
    public static List<EntitySpan> From(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        var (type, start) = ((string?)null, 0);
        for (var w = 0; w <= tags.Count; w++)
        {
            var tag = w < tags.Count ? tags[w] : "O";
            var (prefix, tagType) = tag.Length > 2 && tag[1] == '-' ? (tag[0], tag[2..]) : ('O', (string?)null);
            var continues = type is not null && prefix == 'I' && tagType == type;
            if (continues)
            {
                continue;
            }

            if (type is not null)
            {
                spans.Add(new EntitySpan(type, start, w));
            }

            (type, start) = prefix is 'B' or 'I' ? (tagType, w) : (null, w);
        }

        return spans;
    }
}
