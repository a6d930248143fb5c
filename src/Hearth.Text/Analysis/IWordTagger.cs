using Hearth.Text.Segmentation;

namespace Hearth.Text.Analysis;

/// <summary>A word of a sentence with its part of speech (Universal POS: NOUN, VERB, PROPN…) and its lemma.</summary>
public sealed record TaggedWord(Token Token, string PartOfSpeech, string Lemma);

/// <summary>Tags the words of English sentences (the shipped joint model): what Google's analyzeSyntax and Watson's syntax tokens give.</summary>
public interface IWordTagger
{
    /// <summary>For each sentence, its tokens in order, tagged.</summary>
    IReadOnlyList<IReadOnlyList<TaggedWord>> Tag(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default);
}
