using System.Text.RegularExpressions;

namespace Hearth.Text.Entities;

/// <summary>
/// User-defined entity types from lists of terms ("PRODUCT": ["Hearth", "Jetson Orin"]): whole words, case-insensitive, longest term first.
/// </summary>
public sealed class Gazetteer
{
    private readonly (string Type, Regex Pattern)[] types;

    public Gazetteer(IReadOnlyDictionary<string, IReadOnlyList<string>> terms)
    {
        types = [.. terms.Where(t => t.Value.Count > 0).Select(t => (t.Key, new Regex(
            @"(?<![\p{L}\p{Nd}])(?:" + string.Join('|',
                t.Value.Where(v => v.Trim().Length > 0).OrderByDescending(v => v.Length).Select(v => Regex.Escape(v.Trim()))) + @")(?![\p{L}\p{Nd}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))];
    }

    public static Gazetteer Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyList<EntityMention> Find(string text) =>
        [.. types.SelectMany(t => t.Pattern.Matches(text).Select(m => new EntityMention(t.Type, m.Value, m.Index, m.Length, 0.95, "gazetteer")))];
}
