using System.Text.RegularExpressions;

namespace Hearth.Text.Entities;

/// <summary>
/// Entities with a recognisable form, found by patterns (English and French): e-mail, URL, money, percent,
/// date, time, quantity. Exact, fast, and never guessed: a model handles names (PERSON, ORGANIZATION, LOCATION).
/// </summary>
public static partial class PatternEntities
{
    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December"
        + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
        + "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

    /// <summary>Order matters: where two patterns overlap, the longer mention wins, then the earlier pattern.</summary>
    private static readonly (string Type, Regex Pattern)[] Patterns =
    [
        ("EMAIL", Email()),
        ("URL", Url()),
        ("MONEY", Money()),
        ("PERCENT", Percent()),
        ("DATE", Date()),
        ("TIME", Time()),
        ("QUANTITY", Quantity()),
    ];

    public static IReadOnlyList<EntityMention> Find(string text)
    {
        var found = new List<EntityMention>();
        foreach (var (type, pattern) in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                var value = match.Value.TrimEnd(' ', ',');
                found.Add(new EntityMention(type, value, match.Index, value.Length, 0.99, "pattern"));
            }
        }

        return Resolve(found);
    }

    /// <summary>Keeps the longest of overlapping mentions (then the first found), in text order.</summary>
    public static IReadOnlyList<EntityMention> Resolve(IEnumerable<EntityMention> mentions)
    {
        var kept = new List<EntityMention>();
        foreach (var mention in mentions.Select((m, order) => (m, order)).OrderByDescending(x => x.m.Length).ThenBy(x => x.order).Select(x => x.m))
        {
            if (!kept.Any(k => mention.Start < k.End && k.Start < mention.End))
            {
                kept.Add(mention);
            }
        }

        return [.. kept.OrderBy(m => m.Start)];
    }

    [GeneratedRegex(@"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""']+[^\s<>""'.,;:!?)\]]")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?:[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD)\s?)\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|milliards?|millions?"
        + @"|[kKmMbB]n?)\b)?|\b\d[\d,. ]*\d?\s?(?:million |billion |trillion |thousand |millions d'|milliards d')?(?:dollars?|euros?"
        + @"|pounds? sterling|yen|cents?|€|\$|£|USD|EUR|GBP)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s?(?:%|percent\b|per cent\b|pour cent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?(?:" + Months
        + @")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{2})?\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        + @"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|\b(?:yesterday|today|tomorrow|hier|aujourd'hui"
        + @"|demain)\b|(?<=\b(?:in|since|by|until|from|en|depuis|jusqu'en)\s)(?:19|20)\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}h\d{2}\b"
        + @"|\b(?:noon|midnight|midi|minuit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s?(?:kg|g|mg|km|m|cm|mm|mi|miles?|ft|feet|inch(?:es)?|lbs?|tons?|tonnes?|litres?|liters?|ml"
        + @"|GB|MB|TB|GiB|MiB|TiB|kWh|MWh|kW|MW|GW|W|°C|°F|degrees?|hours?|heures?|minutes?|seconds?|secondes?|days?|jours?|weeks?|semaines?"
        + @"|months?|mois|years?"
        + @"|ans|années|people|personnes|employees|GPUs?|cores?|servers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Quantity();
}
