using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Training;

namespace Hearth.Learning.Tests;

/// <summary>The token tagger: its gradients, BIO-constrained decoding, conlleval's entity scoring, CoNLL files, learning.</summary>
public sealed class TaggerTests : IDisposable
{
    private static readonly BertConfig Tiny = new(Vocab: 20, Hidden: 8, Heads: 2, Intermediate: 16, Layers: 2, MaxPositions: 16);
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-tagger-").FullName;

    [Fact]
    public void The_taggers_gradients_match_finite_differences()
    {
        var model = BertModel.Random(Tiny, seed: 3);
        var tagger = new TokenTagger(["B-PER", "I-PER", "O"], Tiny.Hidden, seed: 4);
        var random = new Random(6);
        foreach (var p in tagger.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = (float)(random.NextDouble() - 0.5);
            }
        }

        int[][] sequences = [[1, 4, 7, 8, 2], [1, 9, 2]];
        TaggedWords[] targets = [new([1, 3], WordShape.Active(["Anna", "runs"]), [0, 2]), new([1], WordShape.Active(["Bo"]), [0])];
        double Loss() => tagger.Backward(BertEncoder.Forward(model, sequences), targets, Tiny.Hidden).Loss;
        foreach (var p in model.Parameters.Concat(tagger.Parameters))
        {
            Array.Clear(p.Grad);
        }

        var pass = BertEncoder.Forward(model, sequences);
        BertEncoder.Backward(model, pass, tagger.Backward(pass, targets, Tiny.Hidden).DOutput);
        var checkedParameters = tagger.Parameters.Append(model.Layers[^1].OutputNormGain).ToList();
        var analytic = checkedParameters.Select(p => (float[])p.Grad.Clone()).ToList(); // Loss() accumulates more gradients

        foreach (var (p, grad) in checkedParameters.Zip(analytic))
        {
            foreach (var i in Enumerable.Range(0, p.Value.Length).Where(i => i % 5 == 0))
            {
                var numeric = BertEncoderTests.Derivative(p, i, 1e-2f, Loss);
                Assert.True(Math.Abs(numeric - grad[i]) < 1e-3 + (1e-2 * Math.Abs(numeric)), $"{p.Name}[{i}]: {grad[i]} vs {numeric}");
            }
        }
    }

    [Fact]
    public void Decoding_never_starts_an_entity_with_an_inside_tag()
    {
        string[] labels = ["B-PER", "I-PER", "O"];
        float[][] scores = [[-3, -9, -0.1f], [-2, -0.2f, -1.5f], [-9, -0.1f, -3]]; // word by word: O, I-PER, I-PER

        var tags = BioDecoding.Decode(scores, labels).Select(t => labels[t]).ToArray();

        Assert.Equal(["O", "B-PER", "I-PER"], tags);
    }

    [Fact]
    public void Entities_are_scored_by_exact_span_with_conllevals_rules()
    {
        // conlleval: an I- after O or after another type starts an entity; a B- ends the one before.
        Assert.Equal([new EntitySpan("PER", 0, 2), new EntitySpan("LOC", 3, 5), new EntitySpan("ORG", 5, 6), new EntitySpan("PER", 6, 7)],
            EntitySpans.From(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER", "O"]));

        string[] words = ["Anna", "Smith", "met", "Bo", "in", "Paris", "today"];
        string[] expected = ["B-PER", "I-PER", "O", "B-PER", "O", "B-LOC", "O"];
        string[] found = ["B-PER", "O", "O", "B-PER", "O", "B-LOC", "B-LOC"]; // Anna (too short): wrong; Bo, Paris right; "today": wrong

        var report = TaggingReport.Score([(words, expected, found)], entities: true);

        Assert.Equal(2 / 4.0, report.Precision, 6); // 2 of the 4 found are exact
        Assert.Equal(2 / 3.0, report.Recall, 6); // 2 of the 3 expected were found
        Assert.Equal(2 * 0.5 * (2 / 3.0) / (0.5 + (2 / 3.0)), report.F1, 6);
        Assert.Equal(5 / 7.0, report.Accuracy, 6);
        Assert.Equal(1.0, report.Types.Single(t => t.Label == "PER").Precision * 2, 6);
    }

    [Fact]
    public void Conll_files_are_read_iob1_repaired_and_bad_tags_named_by_line()
    {
        var good = Path.Combine(directory, "good.conll");
        File.WriteAllLines(good, ["-DOCSTART- O", "", "Anna\tI-PER", "Smith\tI-PER", "runs\tO", "", "In O", "Lyon I-LOC"]);
        var bad = Path.Combine(directory, "bad.conll");
        File.WriteAllLines(bad, ["Anna\tB-PER", "runs\tPERSON"]);
        var conllu = Path.Combine(directory, "pos.conllu");
        File.WriteAllLines(conllu, ["# text = I don't", "1\tI\tI\tPRON\t_\t_\t0\troot\t_\t_", "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
            "2\tdo\tdo\tAUX\t_\t_\t0\troot\t_\t_", "3\tn't\tnot\tPART\t_\t_\t0\troot\t_\t_"]);

        var sentences = TaggedSentences.Read(good, bio: true);
        var error = Assert.Throws<DataFileException>(() => TaggedSentences.Read(bad, bio: true));
        var pos = TaggedSentences.Read(conllu, bio: false).Single();

        Assert.Equal(["B-PER", "I-PER", "O"], sentences[0].Tags);
        Assert.Equal(["O", "B-LOC"], sentences[1].Tags);
        Assert.Equal(7, sentences[1].Line);
        Assert.Contains("bad.conll:2: the tag 'PERSON' is not BIO", error.Message, StringComparison.Ordinal);
        Assert.Equal(["I", "do", "n't"], pos.Words);
        Assert.Equal(["PRON", "AUX", "PART"], pos.Tags);
    }

    [Fact]
    public void Json_lines_with_entity_spans_become_bio_tags_and_a_span_off_word_boundaries_is_named_by_line()
    {
        var good = Path.Combine(directory, "spans.jsonl");
        File.WriteAllLines(good,
            ["{\"text\": \"Anna Smith flew to Lyon.\", \"entities\": [{\"start\": 0, \"end\": 10, \"label\": \"PER\"}, [19, 23, \"LOC\"]]}"]);
        var bad = Path.Combine(directory, "bad.jsonl");
        File.WriteAllLines(bad, ["{\"text\": \"Hello\", \"entities\": []}", "{\"text\": \"Anna Smith\", \"entities\": [[0, 7, \"PER\"]]}"]);

        var sentence = TaggedSentences.Read(good, bio: true).Single();
        var error = Assert.Throws<DataFileException>(() => TaggedSentences.Read(bad, bio: true));

        Assert.Equal(["Anna", "Smith", "flew", "to", "Lyon", "."], sentence.Words);
        Assert.Equal(["B-PER", "I-PER", "O", "O", "B-LOC", "O"], sentence.Tags);
        Assert.Contains("bad.jsonl:2: the entity at 0–7 ('Anna Sm') does not fall on word boundaries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tagger_learns_names_from_a_few_sentences()
    {
        // Token ids of a toy vocabulary: 3–9 names (capitalised), 10–19 other words; the shapes tell capitals apart.
        var random = new Random(2);
        var examples = Enumerable.Range(0, 24).Select(_ =>
        {
            var words = Enumerable.Range(0, 4).Select(_ => random.Next(3, 20)).ToArray();
            var tags = words.Select(w => w < 10 ? 0 : 1).ToArray();
            var text = words.Select(w => w < 10 ? "Name" : "word").ToArray();
            return (Tokens: (int[])[1, .. words, 2], Target: new TaggedWords([1, 2, 3, 4], WordShape.Active(text), tags));
        }).ToList();
        var model = BertModel.Random(Tiny, seed: 1);
        var tagger = new TokenTagger(["B-PER", "O"], Tiny.Hidden, seed: 1);
        var trainer = new Trainer(model, [new TrainingTask<TaggedWords>("t", tagger, examples)], new TrainingOptions(Epochs: 20, BatchSize: 8,
            LearningRate: 1e-3,
            HeadLearningRate: 5e-2, TopLayers: 2, Dropout: 0, Seed: 3));

        var losses = Enumerable.Range(0, 20).Select(_ => trainer.Epoch()).ToList();
        var pass = BertEncoder.Forward(model, [.. examples.Select(e => e.Tokens)]);
        var right = examples.Select((e, s) => tagger.LogProbabilities(pass.Output.AsSpan(pass.Offsets[s] * Tiny.Hidden), e.Target, Tiny.Hidden)
            .Select((p, w) => Array.IndexOf(p, p.Max()) == e.Target.Tags[w]).Count(x => x)).Sum();

        Assert.True(losses[^1] < losses[0] / 4, $"loss {losses[0]:F3} → {losses[^1]:F3}");
        Assert.Equal(24 * 4, right);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
