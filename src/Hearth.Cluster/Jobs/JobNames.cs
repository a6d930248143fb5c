using System.Reflection;
using System.Text.Json.Serialization;

namespace Hearth.Cluster.Jobs;

/// <summary>The names the closed sets of jobs have outside the process (API, job store, roles), from one definition each.</summary>
public static class JobNames
{
    private static readonly Dictionary<JobKind, string> Kinds = Enum.GetValues<JobKind>().ToDictionary(
        kind => kind,
        kind => typeof(JobKind).GetField(kind.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    /// <summary>The kind's name in the API and the job store ("sentiment.int8").</summary>
    public static string Name(this JobKind kind) => Kinds[kind];

    /// <summary>Every kind's name, for error messages.</summary>
    public static string AllKinds => string.Join(", ", Kinds.Values);

    public static JobKind ParseKind(string name) =>
        Kinds.FirstOrDefault(k => k.Value == name) is { Value: not null } found
            ? found.Key
            : throw new FormatException($"unknown job kind '{name}': one of {AllKinds}");

    /// <summary>Kinds whose shards each belong to one node (the document id is the node's name).</summary>
    public static bool IsPerNode(this JobKind kind) => kind is JobKind.Bench or JobKind.Train;

    /// <summary>The state's name in the API and the job store, in lower case.</summary>
    public static string Name(this JobState state) => Lower(state);

    public static JobState ParseState(string name) => Enum.Parse<JobState>(name, ignoreCase: true);

    internal static string Name(this ShardState state) => Lower(state);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
