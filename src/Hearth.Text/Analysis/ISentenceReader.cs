using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

namespace Hearth.Text.Analysis;

/// <summary>A word of a sentence with its part of speech (Universal POS: NOUN, VERB, PROPN…) and its lemma.</summary>
public sealed record TaggedWord(Token Token, string PartOfSpeech, string Lemma);

/// <summary>
/// What a model read in one sentence: its words tagged, its names, its sentiment (−1..1) and its emotions (GoEmotions'
/// labels, 0..1).
/// </summary>
public sealed record SentenceReading(
    IReadOnlyList<TaggedWord> Words, IReadOnlyList<EntityMention> Names, double Sentiment, IReadOnlyDictionary<string, double> Emotions);

/// <summary>
/// Reads English sentences once for every task (the shipped joint model): names, parts of speech and lemmas (Google's
/// analyzeSyntax, Watson's syntax tokens), sentiment and emotions.
/// </summary>
public interface ISentenceReader
{
    /// <summary>Sentiment scores closer to 0 than this read as neutral (calibrated on data for this model).</summary>
    double NeutralBand { get; }

    /// <summary>For each sentence, in order, what the model read in it.</summary>
    IReadOnlyList<SentenceReading> Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default);
}
