using Hearth.Hardware.Platform;

namespace Hearth.Testing.Fakes;

/// <summary>A machine's files in memory, changed between ticks to feed samplers their counters.</summary>
public sealed class MemoryFiles : ISystemFiles
{
    private readonly Dictionary<string, string> files = [];

    public string this[string path]
    {
        set => files[path] = value;
    }

    public void Remove(string path) => files.Remove(path);

    public string? ReadText(string path) => files.GetValueOrDefault(path);

    public IReadOnlyList<string> List(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        return [.. files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..].Split('/')[0]).Distinct().Order(StringComparer.Ordinal)];
    }

    public bool Exists(string path) => files.ContainsKey(path) || List(path).Count > 0;

    public string? LinkTargetName(string path) => files.TryGetValue(path, out var target) ? Path.GetFileName(target.Trim()) : null;
}
