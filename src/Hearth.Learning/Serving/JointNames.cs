using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

namespace Hearth.Learning.Serving;

/// <summary>The names the shipped joint model finds (<c>--model entities=joint</c>), from the same pass as its other tasks.</summary>
public sealed class JointNames(JointModel model) : IEntityModel, IDisposable
{
    /// <summary>The name that chooses the shipped joint model where a trained model's name is expected.</summary>
    public const string ShippedName = "joint";

    public string Name => ShippedName;

    public IReadOnlyList<EntityMention> Find(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default) =>
        [.. model.Analyze(sentences, cancellationToken).SelectMany(s => s.Entities)];

    public void Dispose() => model.Dispose();
}
