namespace Hearth.Cli.Output;

/// <summary>A series drawn with block characters, 0–100 scaled to ▁…█; a gap where a reading is missing.</summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static string Draw(IEnumerable<double?> values, double max = 100) =>
        string.Concat(values.Select(v => v is { } x ? Blocks[(int)Math.Clamp(x / max * (Blocks.Length - 1), 0, Blocks.Length - 1)] : ' '));
}
