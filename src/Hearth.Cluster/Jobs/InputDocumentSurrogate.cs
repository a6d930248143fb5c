using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// How an <see cref="InputDocument"/> (a type of Hearth.Text, which knows nothing of Orleans) travels in a lease;
/// <see cref="InputDocumentConverter"/> turns one into the other.
/// </summary>
[GenerateSerializer, Immutable]
internal readonly record struct InputDocumentSurrogate([property: Id(0)] string Id, [property: Id(1)] string? Text, [property: Id(2)] string? Error);
