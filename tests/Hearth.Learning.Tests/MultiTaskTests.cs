using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Training;

namespace Hearth.Learning.Tests;

/// <summary>Several tasks trained on one encoder: each head learns its task, and a resumed run is the uninterrupted one.</summary>
public sealed class MultiTaskTests : IDisposable
{
    private static readonly BertConfig Tiny = new(Vocab: 20, Hidden: 16, Heads: 2, Intermediate: 32, Layers: 2, MaxPositions: 16);
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-multitask-").FullName;

    /// <summary>Token ids 3–9 are names (capitalised), 10–19 other words; a sentence is "a" when it holds more names than words.</summary>
    private static (List<(int[] Tokens, TaggedWords Target)> Tags, List<(int[] Tokens, int Target)> Labels) Examples()
    {
        var random = new Random(2);
        var sentences = Enumerable.Range(0, 32).Select(_ => Enumerable.Range(0, 4).Select(_ => random.Next(3, 20)).ToArray()).ToList();
        var tags = sentences.Select(words => ((int[])[1, .. words, 2], new TaggedWords([1, 2, 3, 4],
            WordShape.Active([.. words.Select(w => w < 10 ? "Name" : "word")]), [.. words.Select(w => w < 10 ? 0 : 1)]))).ToList();
        var labels = sentences.Select(words => ((int[])[1, .. words, 2], words.Count(w => w < 10) > 2 ? 0 : 1)).ToList();
        return (tags, labels);
    }

    private static (Trainer Trainer, BertModel Model, TokenTagger Tagger, SentenceHead Head) Make()
    {
        var (tags, labels) = Examples();
        var model = BertModel.Random(Tiny, seed: 1);
        var tagger = new TokenTagger(["B-PER", "O"], Tiny.Hidden, seed: 1);
        var head = new SentenceHead(["a", "b"], Tiny.Hidden, seed: 2);
        var trainer = new Trainer(model, [new TrainingTask<TaggedWords>("ner", tagger, tags), new TrainingTask<int>("kind", head, labels)],
            new TrainingOptions(Epochs: 25, BatchSize: 8, LearningRate: 1e-3, HeadLearningRate: 5e-2, TopLayers: 2, Dropout: 0.1f, Seed: 3));
        return (trainer, model, tagger, head);
    }

    [Fact]
    public void Two_tasks_on_one_encoder_both_learn_in_one_run()
    {
        var (trainer, model, tagger, head) = Make();
        var (tags, labels) = Examples();

        var losses = Enumerable.Range(0, 25).Select(_ => trainer.Epoch()).ToList();
        var pass = BertEncoder.Forward(model, [.. tags.Select(e => e.Tokens)]);
        var rightTags = tags.Select((e, s) => tagger.LogProbabilities(pass.Output.AsSpan(pass.Offsets[s] * Tiny.Hidden), e.Target, Tiny.Hidden)
            .Select((p, w) => Array.IndexOf(p, p.Max()) == e.Target.Tags[w]).Count(x => x)).Sum();
        var rightLabels = head.PredictLabels(model, [.. labels.Select(e => e.Tokens)]).Where((p, i) => p == labels[i].Target).Count();

        Assert.True(losses[^1] < losses[0] / 3, $"loss {losses[0]:F3} → {losses[^1]:F3}");
        Assert.True(rightTags >= 32 * 4 * 0.95, $"{rightTags} of {32 * 4} words tagged right");
        Assert.True(rightLabels >= 30, $"{rightLabels} of 32 sentences labelled right");
        Assert.Equal(8, trainer.Steps); // 32 examples in batches of 8, for each of the two tasks
    }

    [Fact]
    public void A_resumed_multi_task_run_ends_with_the_weights_of_one_never_interrupted()
    {
        var straight = Make();
        for (var e = 0; e < 3; e++)
        {
            straight.Trainer.Epoch();
        }

        var killed = Make();
        killed.Trainer.Epoch();
        var checkpoint = Path.Combine(directory, "checkpoint.bin");
        killed.Trainer.SaveCheckpoint(checkpoint);
        var resumed = Make();
        resumed.Trainer.RestoreCheckpoint(checkpoint);
        while (resumed.Trainer.EpochsDone < 3)
        {
            resumed.Trainer.Epoch();
        }

        IEnumerable<Parameter> All((Trainer, BertModel Model, TokenTagger Tagger, SentenceHead Head) run) =>
            run.Model.Parameters.Concat(run.Tagger.Parameters).Concat(run.Head.Parameters);
        foreach (var (a, b) in All(straight).Zip(All(resumed)))
        {
            Assert.Equal(a.Value, b.Value);
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
