using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hearth.Hardware;
using Hearth.Learning.Encoder;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;
using Hearth.Text.Syntax;

namespace Hearth.Learning.Serving;

/// <summary>One task of a joint model: its name, whether it tags words or reads the sentence, its labels.</summary>
/// <param name="NeutralBand">
/// Sentiment: scores (P(positive) − P(negative)) closer to 0 than this read as neutral (bench/sentiment-neutral-band.cs).
/// </param>
public sealed record JointTask(string Name, bool TagsWords, IReadOnlyList<string> Labels, Objective Objective = Objective.SingleLabel,
    double Temperature = 1, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NeutralBand = null);

/// <summary>
/// A joint model's card (<c>card.json</c> beside <c>weights.bin</c>): its tasks, the corpora it learned from and its
/// figures on their dev splits.
/// </summary>
public sealed record JointCard(IReadOnlyList<JointTask> Tasks, IReadOnlyList<string> Sources, IReadOnlyDictionary<string, double> Figures,
    string WeightsSha256);

/// <summary>
/// One fine-tuned encoder and several heads (names, parts of speech, sentiment, emotion, trained together by
/// <c>tools/train-joint.cs</c>): one encoder pass over a sentence's words serves every task. The encoder runs in ONNX
/// Runtime (the shipped MiniLM graph with the trained weights written in); word taggers read each word's first piece,
/// sentence heads the mean of the tokens, as in training.
/// </summary>
public sealed class JointModel : ISentenceReader, IDisposable
{
    private readonly MiniLmEncoder encoder;
    private readonly WordPieces pieces;
    private readonly IReadOnlyList<(JointTask Task, IHead Head)> heads;

    private JointModel(JointCard card, MiniLmEncoder encoder, IReadOnlyList<(JointTask, IHead)> heads) =>
        (Card, this.encoder, this.heads, pieces) = (card, encoder, heads, new WordPieces(encoder.Tokenize));

    public JointCard Card { get; }

    public double NeutralBand => Card.Tasks.FirstOrDefault(t => t.Name == "sentiment")?.NeutralBand ?? SentimentScore.NeutralBand;

    /// <summary>Where the shipped joint model lies: Models/joint beside Hearth's assemblies.</summary>
    public static string ShippedFolder { get; } = Path.Combine(AppContext.BaseDirectory, "Models", "joint");

    /// <param name="cache">Where the encoder is kept prepared for ONNX Runtime (HEARTH_HOME/cache); null: made at each load.</param>
    /// <exception cref="ModelFileException">The folder holds no joint model, or a damaged one.</exception>
    public static JointModel Load(string folder, string provider, string? cache = null)
    {
        var cardPath = Path.Combine(folder, "card.json");
        JointCard card;
        try
        {
            card = JsonSerializer.Deserialize<JointCard>(File.ReadAllText(cardPath), HearthJson.Options)
                ?? throw new ModelFileException($"{cardPath} is empty");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new ModelFileException($"{cardPath} is not a joint model's card ({e.Message})");
        }

        var weights = ParameterFile.Read(Path.Combine(folder, "weights.bin"), card.WeightsSha256);
        var hidden = MiniLmEncoder.Dimensions;
        var heads = card.Tasks.Select(t => (t, t.TagsWords ? (IHead)new TokenTagger(t.Labels, hidden, seed: 0)
            : new SentenceHead(t.Labels, hidden, seed: 0, t.Objective) { Temperature = (float)t.Temperature })).ToList();
        foreach (var (task, head) in heads)
        {
            foreach (var p in head.Parameters)
            {
                Fill(p, weights.GetValueOrDefault(task.Name + "/" + p.Name)
                    ?? throw new ModelFileException($"{folder}: its weights have no {task.Name}/{p.Name}"), folder);
            }
        }

        // The encoder: the shipped graph with the trained weights written in, made once and kept prepared in the cache.
        byte[] Export()
        {
            var model = ModelStore.LoadBase();
            foreach (var p in model.Parameters)
            {
                p.Trainable = weights.TryGetValue(p.Name, out var values) && Fill(p, values, folder);
            }

            return OnnxExport.Trained(model);
        }

        var encoder = new MiniLmEncoder(provider, cache, ($"hearth-joint-{card.WeightsSha256[..16]}", Export));
        return new JointModel(card, encoder, heads);
    }

    /// <summary>The sentences' words, names, sentiment and emotions, from one encoder pass per window of at most 128 tokens.</summary>
    public IReadOnlyList<SentenceReading> Read(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
    {
        var (windows, states) = Encode(sentences, cancellationToken);
        var hidden = MiniLmEncoder.Dimensions;
        var result = new List<SentenceReading>(sentences.Count);
        for (var s = 0; s < sentences.Count; s++)
        {
            var mine = Enumerable.Range(0, windows.Count).Where(w => windows[w].Sentence == s).ToList();
            var tags = new Dictionary<string, string[]>();
            var entities = new List<EntityMention>();
            var labels = new Dictionary<string, IReadOnlyDictionary<string, double>>();
            foreach (var (task, head) in heads)
            {
                if (head is TokenTagger tagger)
                {
                    var scores = mine.SelectMany(w => tagger.LogProbabilities(states[w], windows[w].Words, hidden)).ToList();
                    var best = task.Name == "ner" ? BioDecoding.Decode(scores, tagger.Labels)
                        : [.. scores.Select(p => Array.IndexOf(p, p.Max()))];
                    tags[task.Name] = [.. best.Select(t => tagger.Labels[t])];
                    if (task.Name == "ner")
                    {
                        entities.AddRange(Mentions(sentences[s], tags["ner"], scores, best));
                    }
                }
                else if (head is SentenceHead sentenceHead)
                {
                    var p = sentenceHead.Output(sentenceHead.Logits(Pool(states, mine), hidden));
                    labels[task.Name] = sentenceHead.Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (double)p[x.i]);
                }
            }

            var upos = tags.GetValueOrDefault("pos");
            result.Add(new SentenceReading(
                [.. sentences[s].Tokens.Select((t, i) => upos is null ? new TaggedWord(t, "X", t.Text)
                    : new TaggedWord(t, upos[i], Lemmatizer.Shipped.Lemma(t.Text, upos[i])))],
                entities,
                labels.TryGetValue("sentiment", out var polarity) ? Polarity.Score(polarity) : 0,
                labels.GetValueOrDefault("emotion") ?? new Dictionary<string, double>()));
        }

        return result;
    }

    /// <summary>What the sentence heads read: each sentence's mean token state (its windows averaged), from one encoder pass.</summary>
    public float[][] SentenceVectors(IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken = default)
    {
        var (windows, states) = Encode(sentences, cancellationToken);
        return [.. Enumerable.Range(0, sentences.Count).Select(s => Pool(states, [.. Enumerable.Range(0, windows.Count)
            .Where(w => windows[w].Sentence == s)]))];
    }

    private (List<(int Sentence, int[] Tokens, TaggedWords Words)> Windows, float[][] States) Encode(IReadOnlyList<Sentence> sentences,
        CancellationToken cancellationToken)
    {
        var windows = sentences.SelectMany((s, i) => TaggerInput.Windows([.. s.Tokens.Select(t => t.Text)], pieces)
            .Select(w => (Sentence: i, w.Tokens, w.Words))).ToList();
        return (windows, encoder.States([.. windows.Select(w => w.Tokens.Select(id => (long)id).ToArray())], cancellationToken));
    }

    private static float[] Pool(float[][] states, IReadOnlyList<int> windows)
    {
        var pooled = new float[MiniLmEncoder.Dimensions];
        foreach (var w in windows)
        {
            TensorPrimitives.Add(pooled, MeanOf(states[w], MiniLmEncoder.Dimensions), pooled);
        }

        TensorPrimitives.Divide(pooled, Math.Max(1, windows.Count), pooled);
        return pooled;
    }

    private static IEnumerable<EntityMention> Mentions(Sentence sentence, string[] tags, List<float[]> scores, int[] best)
    {
        var tokens = sentence.Tokens;
        foreach (var span in EntitySpans.From(tags))
        {
            var (first, last) = (tokens[span.Start], tokens[span.End - 1]);
            if (sentence.Text.AsSpan((first.Start - sentence.Start)..(last.End - sentence.Start)).Contains('\n'))
            {
                continue; // a line break ends a name: such spans are not one name
            }

            var confidence = Enumerable.Range(span.Start, span.End - span.Start).Average(w => Math.Exp(scores[w][best[w]]));
            var text = sentence.Text[(first.Start - sentence.Start)..(last.End - sentence.Start)];
            yield return new EntityMention(TrainedTagger.HearthType(span.Type), text,
                first.Start, last.End - first.Start, Math.Round(confidence, 4), "model:joint");
        }
    }

    private static float[] MeanOf(float[] states, int hidden)
    {
        var mean = new float[hidden];
        var count = states.Length / hidden;
        for (var t = 0; t < count; t++)
        {
            TensorPrimitives.Add(mean, states.AsSpan(t * hidden, hidden), mean);
        }

        TensorPrimitives.Divide(mean, count, mean);
        return mean;
    }

    private static bool Fill(Parameter p, float[] values, string folder)
    {
        if (values.Length != p.Value.Length)
        {
            throw new ModelFileException($"{folder}: {p.Name} has {values.Length} values, not {p.Value.Length}: a model of another encoder?");
        }

        values.CopyTo(p.Value, 0);
        return true;
    }

    public void Dispose() => encoder.Dispose();
}
