using Hearth.Learning.Encoder;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

namespace Hearth.Learning.Serving;

/// <summary>
/// A ner model trained with <c>hearth train ner</c>, served by ONNX Runtime like <see cref="TrainedClassifier"/>: the
/// words of each line of each sentence are tagged (a line break ends a name), decoded under BIO's rule, and each entity
/// becomes a mention of Hearth's types (PER → PERSON, ORG → ORGANIZATION, LOC → LOCATION; others as they are).
/// </summary>
public sealed class TrainedTagger : IEntityModel, IDisposable
{
    private static readonly Dictionary<string, string> Types = new() { ["PER"] = "PERSON", ["ORG"] = "ORGANIZATION", ["LOC"] = "LOCATION" };

    private readonly MiniLmEncoder encoder;
    private readonly TokenTagger tagger;
    private readonly WordPieces pieces;

    private TrainedTagger(ModelCard card, MiniLmEncoder encoder, TokenTagger tagger)
    {
        (Card, this.encoder, this.tagger, pieces) = (card, encoder, tagger, new WordPieces(encoder.Tokenize));
    }

    public ModelCard Card { get; }

    /// <summary>Hearth's entity type for a tagger's (PER → PERSON, ORG → ORGANIZATION, LOC → LOCATION; others as they are).</summary>
    public static string HearthType(string type) => Types.GetValueOrDefault(type, type);

    public string Name => Card.Name;

    /// <exception cref="ModelFileException">No such model, not a ner model, or its files are damaged or of another format.</exception>
    public static TrainedTagger Load(ModelStore store, string name, string provider)
    {
        var (model, tagger, card) = store.LoadTagger(name);
        if (card.Task != "ner")
        {
            throw new ModelFileException($"model '{name}' is a {card.Task} model: entities need a model of 'hearth train ner'");
        }

        return new TrainedTagger(card, new MiniLmEncoder(provider, model: (null, () => OnnxExport.Trained(model))), tagger);
    }

    public IReadOnlyList<EntityMention> Find(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
    {
        var lines = sentences.SelectMany(Lines).Where(l => l.Count > 0).ToList();
        var windows = lines.SelectMany((line, l) => TaggerInput.Windows([.. line.Select(t => t.Text)], pieces)
            .Select(w => (Line: l, w.Tokens, w.Words))).ToList();
        var states = encoder.States([.. windows.Select(w => w.Tokens.Select(id => (long)id).ToArray())], cancellationToken);
        var scores = lines.Select(_ => new List<float[]>()).ToArray();
        for (var w = 0; w < windows.Count; w++)
        {
            scores[windows[w].Line].AddRange(tagger.LogProbabilities(states[w], windows[w].Words, MiniLmEncoder.Dimensions));
        }

        var mentions = new List<EntityMention>();
        for (var l = 0; l < lines.Count; l++)
        {
            var tags = BioDecoding.Decode(scores[l], tagger.Labels);
            foreach (var span in EntitySpans.From([.. tags.Select(t => tagger.Labels[t])]))
            {
                var (first, last) = (lines[l][span.Start], lines[l][span.End - 1]);
                var confidence = Enumerable.Range(span.Start, span.End - span.Start).Average(w => Math.Exp(scores[l][w][tags[w]]));
                var text = string.Concat(lines[l].Skip(span.Start).Take(span.End - span.Start).Select((t, i) =>
                    i == 0 ? t.Text : new string(' ', t.Start - lines[l][span.Start + i - 1].End) + t.Text));
                mentions.Add(new EntityMention(HearthType(span.Type), text, first.Start, last.End - first.Start,
                    Math.Round(confidence, 4), "model:" + Name));
            }
        }

        return mentions;
    }

    /// <summary>The sentence's tokens cut at line breaks.</summary>
    private static IEnumerable<List<Token>> Lines(Sentence sentence)
    {
        var line = new List<Token>();
        foreach (var token in sentence.Tokens)
        {
            if (line.Count > 0 && sentence.Text.AsSpan((line[^1].End - sentence.Start)..(token.Start - sentence.Start)).Contains('\n'))
            {
                yield return line;
                line = [];
            }

            line.Add(token);
        }

        yield return line;
    }

    public void Dispose() => encoder.Dispose();
}
