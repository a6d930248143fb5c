using System.Text.RegularExpressions;
using Hearth.Testing;

namespace Hearth.Cli.Tests;

/// <summary>The habits of the code base (docs/adr/005-house-rules.md), held by reading its files.</summary>
public sealed partial class HouseRulesTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void No_line_of_csharp_is_longer_than_150_columns()
    {
        var tooLong = SourceFiles("src", "tests", "bench")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(l => l.Length > 150)
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line} ({l.Length} columns)")
            .ToList();

        Assert.True(tooLong.Count == 0, $"lines over 150 columns:\n{string.Join('\n', tooLong)}");
    }

    [Fact]
    public void Every_log_message_has_an_event_id_of_its_own()
    {
        var messages = SourceFiles("src")
            .SelectMany(f => LogMessage().Matches(File.ReadAllText(f)).Select(m => (File: f, Attribute: m.Value)))
            .ToList();
        var ids = messages.Select(m => EventId().Match(m.Attribute)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.True(EventId().IsMatch(m.Attribute), $"{Path.GetRelativePath(Root, m.File)}: {m.Attribute} has no EventId"));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Gpu_and_bench_code_does_not_depend_on_the_doctor()
    {
        var offenders = SourceFiles("src/Hearth.Hardware/Gpu", "src/Hearth.Hardware/Bench")
            .Where(f => File.ReadAllText(f).Contains("Hearth.Hardware.Doctor", StringComparison.Ordinal));

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_cli_command_refers_to_another_command()
    {
        var commands = SourceFiles("src/Hearth.Cli/Commands").ToDictionary(f => f, f => CommandClass().Match(File.ReadAllText(f)).Groups[1].Value);
        var names = commands.Values.Where(n => n.Length > 0).ToList();

        foreach (var (file, own) in commands)
        {
            var text = File.ReadAllText(file);
            var others = names.Where(n => n != own && Regex.IsMatch(text, $@"\b{n}\b")).ToList();
            Assert.True(others.Count == 0, $"{Path.GetRelativePath(Root, file)} refers to {string.Join(", ", others)}");
        }
    }

    [Fact]
    public void Job_and_shard_states_are_named_in_one_place()
    {
        var offenders = SourceFiles("src")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => StateLiteral().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, $"state names written out instead of JobState/ShardState:\n{string.Join('\n', offenders)}");
    }

    private static IEnumerable<string> SourceFiles(params string[] folders) =>
        folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\[LoggerMessage\([^\]]*\]")]
    private static partial Regex LogMessage();

    [GeneratedRegex(@"EventId = (\d+)")]
    private static partial Regex EventId();

    [GeneratedRegex(@"class (\w+Command)\b")]
    private static partial Regex CommandClass();

    [GeneratedRegex(@"[""'](running|done|failed|pending|leased)[""']")]
    private static partial Regex StateLiteral();
}
