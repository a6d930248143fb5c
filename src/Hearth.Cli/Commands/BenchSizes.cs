using Hearth.Hardware.Bench;
using Spectre.Console;

namespace Hearth.Cli.Commands;

/// <summary>The <c>--sizes</c> option of <c>hearth bench</c> and <c>hearth submit bench</c>.</summary>
internal static class BenchSizes
{
    public const string Description = "Comma-separated SGEMM sizes N (default 256,512,1024,2048,4096).";

    /// <summary>The sizes given, or the default sweep when none were.</summary>
    public static IReadOnlyList<int> ParseOrDefault(string? sizes) => Parse(sizes) ?? BenchOptions.DefaultSizes;

    public static ValidationResult Validate(string? sizes) => sizes is not null && Parse(sizes) is null
        ? ValidationResult.Error($"--sizes '{sizes}' is not a list of sizes between 1 and 16384, e.g. --sizes 1024,2048")
        : ValidationResult.Success();

    /// <summary>The sizes of <c>--sizes</c> (null when absent or not valid).</summary>
    private static IReadOnlyList<int>? Parse(string? sizes)
    {
        var parts = sizes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var parsed = parts.Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 16384 ? n
            : 0).ToArray();
        return parts.Length > 0 && parsed.All(n => n > 0) ? parsed : null;
    }
}
