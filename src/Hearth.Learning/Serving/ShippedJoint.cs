using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

namespace Hearth.Learning.Serving;

/// <summary>
/// The shipped joint model, loaded by the first request that needs it: what Hearth reads in English sentences
/// (names, parts of speech and lemmas, sentiment, emotions), and its names alone for <c>--model entities=joint</c>.
/// </summary>
public sealed class ShippedJoint(Func<JointModel> load) : ISentenceReader, IEntityModel, IDisposable
{
    /// <summary>The name that chooses the shipped joint model where a trained model's name is expected.</summary>
    public const string ShippedName = "joint";

    private readonly Lazy<JointModel> model = new(load);

    public string Name => ShippedName;

    public double NeutralBand => model.Value.NeutralBand;

    public IReadOnlyList<SentenceReading> Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default) =>
        model.Value.Read(sentences, cancellationToken);

    public IReadOnlyList<EntityMention> Find(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default) =>
        [.. Read(sentences, cancellationToken).SelectMany(s => s.Names)];

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Dispose();
        }
    }
}
