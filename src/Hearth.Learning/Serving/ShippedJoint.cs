using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

namespace Hearth.Learning.Serving;

/// <summary>
/// The shipped joint model's names (<c>--model entities=joint</c>) and its parts of speech and lemmas (Google's
/// analyzeSyntax, Watson's syntax tokens).
/// </summary>
public sealed class ShippedJoint(Func<JointModel> load) : IEntityModel, IWordTagger, IDisposable
{
    /// <summary>The name that chooses the shipped joint model where a trained model's name is expected.</summary>
    public const string ShippedName = "joint";

    private readonly Lazy<JointModel> model = new(load); // loaded by the first request that needs it

    public string Name => ShippedName;

    public IReadOnlyList<EntityMention> Find(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default) =>
        [.. model.Value.Analyze(sentences, cancellationToken).SelectMany(s => s.Entities)];

    public IReadOnlyList<IReadOnlyList<TaggedWord>> Tag(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default) =>
        [.. model.Value.Analyze(sentences, cancellationToken)
            .Select(s => (IReadOnlyList<TaggedWord>)[.. s.Words.Select(w => new TaggedWord(w.Token, w.Tag, w.Lemma))])];

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Dispose();
        }
    }
}
