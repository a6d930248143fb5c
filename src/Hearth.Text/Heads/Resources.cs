namespace Hearth.Text.Heads;

/// <summary>The labelled examples shipped in Models/ ("label TAB text" lines, '#' comments).</summary>
internal static class Resources
{
    public static IReadOnlyList<(string Text, string Label)> Examples(string file) => Parse(Text(file));

    /// <summary>The whole text of a shipped file of Models/.</summary>
    public static string Text(string file)
    {
        using var stream = typeof(Resources).Assembly.GetManifestResourceStream($"Hearth.Text.Models.{file}")
            ?? throw new InvalidOperationException($"the training set {file} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<(string Text, string Label)> Parse(string tsv) =>
        [.. tsv.Split('\n').Where(l => l.Length > 0 && l[0] != '#' && l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t', 2)).Select(p => (p[1].Trim(), p[0].Trim()))];
}
