using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;

namespace Hearth.Learning.Serving;

/// <summary>
/// A classifier trained with <c>hearth train</c>, served by ONNX Runtime: its encoder is the shipped MiniLM graph with
/// the trained weights written in (<see cref="OnnxExport"/>), on the provider the runtime proved; its head reads the mean
/// of the token vectors as in training.
/// </summary>
public sealed class TrainedClassifier : ITextClassifier, IDisposable
{
    private readonly MiniLmEncoder encoder;
    private readonly SentenceHead head;

    private TrainedClassifier(ModelCard card, MiniLmEncoder encoder, SentenceHead head) => (Card, this.encoder, this.head) = (card, encoder, head);

    public ModelCard Card { get; }

    public string Name => Card.Name;

    public IReadOnlyList<string> Labels => Card.Labels;

    /// <summary>Where the model's encoder runs (an execution provider of ONNX Runtime).</summary>
    public string Provider => encoder.Provider;

    /// <summary>Loads the model NAME and exports its encoder for ONNX Runtime.</summary>
    /// <exception cref="ModelFileException">No such model, not a classifier, or its files are damaged or of another format.</exception>
    public static TrainedClassifier Load(ModelStore store, string name, string provider)
    {
        var (model, head, card) = store.LoadSentenceModel(name);
        if (card.Objective == Heads.Objective.Regression)
        {
            throw new ModelFileException($"model '{name}' is a regression model: sentiment and classifications need a model of "
                + "'hearth train classify', 'sentiment' or 'multilabel'");
        }

        return new TrainedClassifier(card, new MiniLmEncoder(provider, model: (null, () => OnnxExport.Trained(model))), head);
    }

    /// <summary>The model's token ids of a text, as training saw them.</summary>
    public int[] Tokenize(string text) => [.. encoder.Tokenize(text).Select(id => (int)id)];

    /// <summary>Calibrated probabilities: a softmax over the labels, or one sigmoid per label for a multilabel model.</summary>
    public float[][] Classify(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        [.. encoder.MeanStates(texts, cancellationToken).Select(pooled => head.Output(head.Logits(pooled, MiniLmEncoder.Dimensions)))];

    public void Dispose() => encoder.Dispose();
}
