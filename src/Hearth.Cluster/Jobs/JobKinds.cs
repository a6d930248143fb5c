namespace Hearth.Cluster.Jobs;

/// <summary>The kinds of cluster jobs; a node takes a kind only if its roles list it.</summary>
public static class JobKinds
{
    /// <summary><c>hearth analyze</c> over documents, in shards any node can take.</summary>
    public const string Analyze = "analyze";

    /// <summary>Sentiment with the head on a paired microcontroller.</summary>
    public const string SentimentInt8 = "sentiment.int8";

    /// <summary><c>hearth bench</c> on every node: one shard per node, pinned to it.</summary>
    public const string Bench = "bench";

    public static IReadOnlyList<string> All { get; } = [Analyze, SentimentInt8, Bench];

    /// <summary>Kinds whose shards each belong to one node (the document id is the node's name).</summary>
    public static bool IsPerNode(string kind) => kind == Bench;
}
