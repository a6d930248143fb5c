namespace Hearth.Text.Analysis;

/// <summary>A text classifier a user trained (<c>hearth train</c>), chosen per request in place of a shipped head.</summary>
public interface ITextClassifier
{
    string Name { get; }

    IReadOnlyList<string> Labels { get; }

    /// <summary>The probability of each label for each text, in label order.</summary>
    float[][] Classify(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>A label and how sure the model is of it (0..1).</summary>
public sealed record ClassConfidence(string Label, double Confidence);
