using System.Text.Json.Serialization;

namespace Hearth.Cluster.Jobs;

/// <summary>The kinds of cluster jobs; a node takes a kind only if its roles list it. The JSON names are the API's.</summary>
public enum JobKind
{
    /// <summary><c>hearth analyze</c> over documents, in shards any node can take.</summary>
    [JsonStringEnumMemberName("analyze")]
    Analyze,

    /// <summary>Sentiment with the head on a paired microcontroller.</summary>
    [JsonStringEnumMemberName("sentiment.int8")]
    SentimentInt8,

    /// <summary><c>hearth bench</c> on every node: one shard per node, pinned to it.</summary>
    [JsonStringEnumMemberName("bench")]
    Bench,

    /// <summary><c>hearth train</c> on the node with the most measured compute; the model is then copied to every node.</summary>
    [JsonStringEnumMemberName("train")]
    Train,
}
