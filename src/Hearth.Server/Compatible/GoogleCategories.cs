namespace Hearth.Server.Compatible;

/// <summary>
/// Hearth's topic categories under Google's content-category paths (classifyText), and the moderation categories
/// Hearth can honestly derive from them (moderateText). Google's other moderation categories (Toxic, Insult,
/// Profanity, Derogatory, Sexual, Violent, Death, Harm &amp; Tragedy, Firearms &amp; Weapons, Public Safety, Illicit Drugs,
/// War &amp; Conflict) need a model Hearth does not have: they are left out of the answer rather than answered 0.
/// </summary>
internal static class GoogleCategories
{
    private static readonly Dictionary<string, string> Paths = new()
    {
        ["/arts and entertainment"] = "/Arts & Entertainment",
        ["/automotive and vehicles"] = "/Autos & Vehicles",
        ["/business and industrial"] = "/Business & Industrial",
        ["/careers"] = "/Jobs & Education/Jobs",
        ["/education"] = "/Jobs & Education/Education",
        ["/family and parenting"] = "/People & Society/Family & Relationships",
        ["/finance"] = "/Finance",
        ["/food and drink"] = "/Food & Drink",
        ["/health and fitness"] = "/Health",
        ["/hobbies and interests"] = "/Hobbies & Leisure",
        ["/home and garden"] = "/Home & Garden",
        ["/law, govt and politics"] = "/Law & Government",
        ["/news"] = "/News",
        ["/pets"] = "/Pets & Animals/Pets",
        ["/real estate"] = "/Real Estate",
        ["/religion and spirituality"] = "/People & Society/Religion & Belief",
        ["/science"] = "/Science",
        ["/shopping"] = "/Shopping",
        ["/society"] = "/People & Society",
        ["/sports"] = "/Sports",
        ["/style and fashion"] = "/Beauty & Fitness/Fashion & Style",
        ["/technology and computing"] = "/Computers & Electronics",
        ["/travel"] = "/Travel & Transportation",
    };

    private static readonly (string Moderation, string Topic)[] Moderations =
    [
        ("Health", "/health and fitness"),
        ("Religion & Belief", "/religion and spirituality"),
        ("Finance", "/finance"),
        ("Politics", "/law, govt and politics"),
        ("Legal", "/law, govt and politics"),
    ];

    public static string Path(string label) => Paths.GetValueOrDefault(label, label);

    /// <summary>The moderation categories that follow from the topic scores, each with the topic's score as confidence.</summary>
    public static IEnumerable<(string Name, double Confidence)> Moderation(IReadOnlyList<Hearth.Text.Categories.Category> topics) =>
        Moderations.Select(m => (m.Moderation, topics.FirstOrDefault(t => t.Label == m.Topic)?.Score ?? 0));
}
