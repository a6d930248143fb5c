using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Training;

namespace Hearth.Learning.Tests;

public sealed class CheckpointAndScoringTests : IDisposable
{
    private static readonly BertConfig Tiny = new(Vocab: 20, Hidden: 8, Heads: 2, Intermediate: 16, Layers: 2, MaxPositions: 16);
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-learning-").FullName;

    private static readonly List<(int[], int)> Examples =
        [.. Enumerable.Range(0, 24).Select(i => (new[] { 1, 3 + (i % 7), 4 + (i % 5), 2 }[..(2 + (i % 3))], i % 2))];

    [Fact]
    public void A_run_resumed_from_its_checkpoint_ends_with_the_same_weights_as_one_never_interrupted()
    {
        var options = new TrainingOptions(Epochs: 3, BatchSize: 5, TopLayers: 2, Dropout: 0.1f, Seed: 9);
        var (straight, straightHead) = (BertModel.Random(Tiny, 1), new SentenceHead(["a", "b"], Tiny.Hidden, 2));
        var uninterrupted = new Trainer(straight, [new TrainingTask<int>("t", straightHead, Examples)], options);
        for (var e = 0; e < 3; e++)
        {
            uninterrupted.Epoch();
        }

        var (first, firstHead) = (BertModel.Random(Tiny, 1), new SentenceHead(["a", "b"], Tiny.Hidden, 2));
        var killed = new Trainer(first, [new TrainingTask<int>("t", firstHead, Examples)], options);
        killed.Epoch();
        var checkpoint = Path.Combine(directory, "checkpoint.bin");
        killed.SaveCheckpoint(checkpoint); // then the process is killed during epoch 2
        var (resumed, resumedHead) = (BertModel.Random(Tiny, 1), new SentenceHead(["a", "b"], Tiny.Hidden, 2));
        var again = new Trainer(resumed, [new TrainingTask<int>("t", resumedHead, Examples)], options);
        again.RestoreCheckpoint(checkpoint);
        while (again.EpochsDone < 3)
        {
            again.Epoch();
        }

        Assert.Equal(3, again.EpochsDone);
        foreach (var (a, b) in straight.Parameters.Concat(straightHead.Parameters).Zip(resumed.Parameters.Concat(resumedHead.Parameters)))
        {
            Assert.Equal(a.Value, b.Value);
        }
    }

    [Fact]
    public void Scores_match_a_hand_computed_confusion_table()
    {
        // expected → predicted: pos→pos ×3, pos→neg ×1, neg→neg ×2, neg→pos ×2
        var predictions = new List<(string, string, string, double)>
        {
            ("a", "pos", "pos", 0.9), ("b", "pos", "pos", 0.8), ("c", "pos", "pos", 0.7), ("d", "pos", "neg", 0.6),
            ("e", "neg", "neg", 0.9), ("f", "neg", "neg", 0.9), ("g", "neg", "pos", 0.95), ("h", "neg", "pos", 0.55),
        };

        var report = ClassificationReport.Score(["neg", "pos"], predictions);

        Assert.Equal(5 / 8.0, report.Accuracy, 12);
        var pos = report.Classes.Single(c => c.Label == "pos");
        Assert.Equal((3 / 5.0, 3 / 4.0, 4), (pos.Precision, pos.Recall, pos.Support));
        Assert.Equal(2 * 0.6 * 0.75 / 1.35, pos.F1, 12);
        var neg = report.Classes.Single(c => c.Label == "neg");
        Assert.Equal((2 / 3.0, 2 / 4.0), (neg.Precision, neg.Recall));
        Assert.Equal((pos.F1 + neg.F1) / 2, report.MacroF1, 12);
        Assert.Equal([[2, 2], [1, 3]], report.Confusion);
        Assert.Equal(["g", "d", "h"], report.WorstErrors.Select(m => m.Text));
    }

    [Theory]
    [InlineData("pos\tgreat\nneg\n", "data.tsv:2: not LABEL<TAB>TEXT")]
    [InlineData("pos\tgreat\nneg\t   \n", "data.tsv:2: the text is empty")]
    [InlineData("pos\tgreat\npos\tfine\n", "2 examples with fewer than two labels")]
    public void A_data_file_that_cannot_train_names_the_line_to_fix(string content, string error)
    {
        var path = Path.Combine(directory, "data.tsv");
        File.WriteAllText(path, content);

        var refused = Assert.Throws<DataFileException>(() => LabelledTexts.Read(path));

        Assert.Contains(error, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
