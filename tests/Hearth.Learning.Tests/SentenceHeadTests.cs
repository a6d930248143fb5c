using Hearth.Learning.Data;
using Hearth.Learning.Encoder;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;

namespace Hearth.Learning.Tests;

/// <summary>Multilabel and regression heads, temperature scaling, and the data they read.</summary>
public sealed class SentenceHeadTests : IDisposable
{
    private static readonly BertConfig Tiny = new(Vocab: 20, Hidden: 8, Heads: 2, Intermediate: 16, Layers: 2, MaxPositions: 16);
    private readonly string directory = Directory.CreateTempSubdirectory("hearth-heads-").FullName;

    [Theory]
    [InlineData(Objective.SingleLabel)]
    [InlineData(Objective.MultiLabel)]
    [InlineData(Objective.Regression)]
    public void Every_objectives_gradients_match_finite_differences(Objective objective)
    {
        var model = BertModel.Random(Tiny, seed: 3);
        var head = new SentenceHead(["a", "b", "c"], Tiny.Hidden, seed: 4, objective);
        var random = new Random(6);
        foreach (var p in head.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = (float)(random.NextDouble() - 0.5);
            }
        }

        int[][] sequences = [[1, 4, 7, 8, 2], [1, 9, 2]];
        float[][] targets = objective switch
        {
            Objective.SingleLabel => [[0, 1, 0], [1, 0, 0]],
            Objective.MultiLabel => [[1, 1, 0], [0, 0, 1]],
            _ => [[0.5f, -1, 2], [1, 0.25f, -0.5f]],
        };
        double Loss() => head.Backward(BertEncoder.Forward(model, sequences), targets, Tiny.Hidden).Loss;
        var pass = BertEncoder.Forward(model, sequences);
        BertEncoder.Backward(model, pass, head.Backward(pass, targets, Tiny.Hidden).DOutput);
        var checkedParameters = head.Parameters.Append(model.Layers[^1].OutputNormGain).ToList();
        var analytic = checkedParameters.Select(p => (float[])p.Grad.Clone()).ToList();

        foreach (var (p, grad) in checkedParameters.Zip(analytic))
        {
            foreach (var i in Enumerable.Range(0, p.Value.Length).Where(i => i % 3 == 0))
            {
                var numeric = BertEncoderTests.Derivative(p, i, 1e-2f, Loss);
                Assert.True(Math.Abs(numeric - grad[i]) < 1e-3 + (1e-2 * Math.Abs(numeric)), $"{p.Name}[{i}]: {grad[i]} vs {numeric}");
            }
        }
    }

    [Fact]
    public void Temperature_scaling_finds_the_temperature_that_made_overconfident_logits()
    {
        // Labels drawn from softmax(z / 2): a model that reads z as is is overconfident, and T = 2 calibrates it.
        var random = new Random(11);
        var logits = Enumerable.Range(0, 4000).Select(_ => Enumerable.Range(0, 3).Select(_ => (float)((random.NextDouble() - 0.5) * 12)).ToArray())
            .ToList();
        var labels = logits.Select(z =>
        {
            var p = z.Select(v => Math.Exp(v / 2)).ToArray();
            var (u, sum) = (random.NextDouble() * p.Sum(), 0.0);
            return Enumerable.Range(0, 3).First(c => (sum += p[c]) >= u || c == 2);
        }).ToList();
        var head = new SentenceHead(["a", "b", "c"], 4, seed: 1);

        var temperature = Calibration.FitTemperature(logits, [.. labels.Select(l => Enumerable.Range(0, 3).Select(c => c == l ? 1f : 0f).ToArray())],
            Objective.SingleLabel);
        var before = Calibration.ExpectedError([.. logits.Select(head.Output)], labels);
        head.Temperature = (float)temperature;
        var after = Calibration.ExpectedError([.. logits.Select(head.Output)], labels);

        Assert.InRange(temperature, 1.8, 2.2);
        Assert.True(after < before / 2, $"calibration error {before:F3} → {after:F3}");
    }

    [Fact]
    public void Multilabel_and_regression_scores_match_hand_computed_values()
    {
        var labels = MultiLabelReport.Score(["joy", "anger"],
            [("a", ["joy"], [0.9f, 0.1f]), ("b", ["joy", "anger"], [0.7f, 0.2f]), ("c", ["anger"], [0.6f, 0.8f])]);
        var numbers = RegressionReport.Score(["v"], [("a", [1f], [1.5f]), ("b", [2f], [2f]), ("c", [3f], [2.5f])]);

        Assert.Equal(1 / 3.0, labels.ExactMatch, 6); // only "a" is exactly right
        Assert.Equal(2 / 3.0, labels.Classes[0].Precision, 6); // joy found 3 times, right twice
        Assert.Equal(0.5, labels.Classes[1].Recall, 6); // anger expected twice, found once
        Assert.Equal(1, numbers.Targets[0].Pearson, 6);
        Assert.Equal(1 / 3.0, numbers.Targets[0].MeanAbsoluteError, 6);
    }

    [Fact]
    public void A_table_with_a_header_gives_regression_targets_and_json_lines_give_label_sets()
    {
        var table = Path.Combine(directory, "emobank.tsv");
        File.WriteAllLines(table, ["id\tV\tA\tD\ttext", "x1\t3.25\t2.88\t3.12\tHe trained in publishing.", "x2\t3.7\t3.1\t3.3\tShe helped."]);
        var jsonl = Path.Combine(directory, "emotions.jsonl");
        File.WriteAllLines(jsonl,
            ["{\"text\": \"So happy and a bit scared\", \"labels\": [\"joy\", \"fear\"]}", "{\"text\": \"Fine\", \"labels\": [\"neutral\"]}"]);
        var broken = Path.Combine(directory, "broken.tsv");
        File.WriteAllLines(broken, ["id\tV\ttext", "x1\tnot a number\tHello"]);

        var rows = LabelledTexts.Read(table, requireTwoLabels: false, out var targets);
        var sets = LabelledTexts.Read(jsonl);
        var error = Assert.Throws<DataFileException>(() => LabelledTexts.Read(broken, requireTwoLabels: false, out _));

        Assert.Equal(["V", "A", "D"], targets);
        Assert.Equal(["3.25", "2.88", "3.12"], rows[0].Labels);
        Assert.Equal(["joy", "fear"], sets[0].Labels);
        Assert.Contains("broken.tsv:2:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
