using System.Text.Json;

namespace Hearth.Cli.Tests;

/// <summary>The real <c>hearth train</c>, <c>hearth eval</c> and <c>hearth models</c> on a small labelled file, in their own home.</summary>
public sealed class TrainEndToEndTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-train-").FullName;

    private Dictionary<string, string> Home => new() { ["HEARTH_HOME"] = Path.Combine(root, "home") };

    [Fact]
    public void A_model_is_trained_scored_listed_and_refused_once_damaged()
    {
        string[] good = ["I love it", "Works great", "Wonderful fit and colour", "Best purchase this year", "So comfortable", "Beautiful and soft"];
        string[] bad = ["It broke at once", "Terrible quality", "The zip failed", "Never again", "Cheap and ugly", "Returned it the next day"];
        var data = Path.Combine(root, "train.tsv");
        File.WriteAllLines(data, good.Select(t => $"pos\t{t}").Concat(bad.Select(t => $"neg\t{t}")));
        var dev = Path.Combine(root, "dev.tsv");
        File.WriteAllLines(dev, ["pos\tI really love this dress", "neg\tThe seams broke after a day", "pos\tGreat colour", "neg\tAwful fabric"]);

        var trained = Hearth.Run(Home, "train", "sentiment", "--data", data, "--dev", dev, "--epochs", "2", "--layers", "1", "--batch", "4",
            "--name", "reviews");
        var scored = Hearth.Run(Home, "eval", "reviews", "--data", dev, "--json");
        var listed = Hearth.Run(Home, "models");
        var text = Path.Combine(root, "review.txt");
        File.WriteAllText(text, "I love it, so comfortable. The zip failed and the fabric is awful.");
        var analyzed = Hearth.Run(Home, "analyze", text, "--features", "sentiment,classifications", "--model",
            "sentiment=reviews,classifications=reviews");
        var wrongFeature = Hearth.Run(Home, "analyze", text, "--model", "emotion=reviews");
        var noSuchModel = Hearth.Run(Home, "analyze", text, "--model", "sentiment=nothing");
        var weights = Path.Combine(root, "home", "models", "reviews", "weights.bin");
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);
        var damaged = Hearth.Run(Home, "eval", "reviews", "--data", dev);

        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Contains("epoch 2/2: loss", trained.Stderr, StringComparison.Ordinal);
        Assert.Contains("model 'reviews' saved", trained.Stderr, StringComparison.Ordinal);
        Assert.True(scored.ExitCode == 0, scored.Stderr);
        using var report = JsonDocument.Parse(scored.Stdout);
        Assert.Equal(4, report.RootElement.GetProperty("examples").GetInt32());
        Assert.Equal(4, report.RootElement.GetProperty("confusion").EnumerateArray().Sum(r => r.EnumerateArray().Sum(n => n.GetInt32())));
        Assert.Contains("reviews", listed.Stdout, StringComparison.Ordinal);
        Assert.True(analyzed.ExitCode == 0, analyzed.Stderr);
        using var analysis = JsonDocument.Parse(analyzed.Stdout);
        var classes = analysis.RootElement.GetProperty("classifications").EnumerateArray().ToList();
        Assert.Equal(["neg", "pos"], classes.Select(c => c.GetProperty("label").GetString()).Order());
        Assert.Equal(1, classes.Sum(c => c.GetProperty("confidence").GetDouble()), 3);
        Assert.Equal(2, analysis.RootElement.GetProperty("sentiment").GetProperty("sentences").GetArrayLength());
        Assert.Equal(2, wrongFeature.ExitCode);
        Assert.Contains("a trained model serves sentiment, classifications, entities, not 'emotion'", wrongFeature.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noSuchModel.ExitCode);
        Assert.Contains("no model 'nothing'", noSuchModel.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("is damaged", damaged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ner_model_is_trained_on_conll_scored_by_entity_and_finds_names_in_analyze()
    {
        string[][] sentences =
        [
            ["Anna", "Smith", "lives", "in", "Lyon", "."], ["Bo", "Lind", "flew", "to", "Oslo", "."], ["Paris", "is", "far", "from", "Rome", "."],
            ["Marie", "Curie", "moved", "to", "Paris", "."], ["We", "met", "Anna", "in", "Rome", "."], ["Oslo", "welcomed", "Bo", "Lind", "."],
        ];
        var people = new HashSet<string> { "Anna", "Smith", "Bo", "Lind", "Marie", "Curie" };
        var places = new HashSet<string> { "Lyon", "Oslo", "Paris", "Rome" };
        string Tag(string[] words, int i) => people.Contains(words[i]) ? (i > 0 && people.Contains(words[i - 1]) ? "I-PER" : "B-PER")
            : places.Contains(words[i]) ? "B-LOC" : "O";
        var data = Path.Combine(root, "train.conll");
        File.WriteAllLines(data, sentences.SelectMany(words => words.Select((w, i) => $"{w}\t{Tag(words, i)}").Append("")));
        var text = Path.Combine(root, "news.txt");
        File.WriteAllText(text, "Anna Smith flew to Oslo.");

        var trained = Hearth.Run(Home, "train", "ner", "--data", data, "--dev", data, "--epochs", "12", "--layers", "1", "--batch", "2",
            "--lr", "2e-4", "--name", "names");
        var scored = Hearth.Run(Home, "eval", "names", "--data", data, "--json");
        var analyzed = Hearth.Run(Home, "analyze", text, "--features", "entities", "--model", "entities=names");
        var wrongKind = Hearth.Run(Home, "analyze", text, "--features", "sentiment", "--model", "sentiment=names");

        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Contains("dev entity F1", trained.Stderr, StringComparison.Ordinal);
        Assert.True(scored.ExitCode == 0, scored.Stderr);
        using var report = JsonDocument.Parse(scored.Stdout);
        Assert.Equal(6, report.RootElement.GetProperty("sentences").GetInt32());
        Assert.True(report.RootElement.GetProperty("f1").GetDouble() > 0.8, scored.Stdout);
        Assert.True(analyzed.ExitCode == 0, analyzed.Stderr);
        using var analysis = JsonDocument.Parse(analyzed.Stdout);
        var entities = analysis.RootElement.GetProperty("entities").EnumerateArray().Select(e => $"{e.GetProperty("type")}:{e.GetProperty("text")}");
        Assert.Contains("PERSON:Anna Smith", entities);
        Assert.Contains("LOCATION:Oslo", entities);
        Assert.Equal(2, wrongKind.ExitCode);
        Assert.Contains("is a ner model", wrongKind.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_that_cannot_train_is_refused_before_training_with_the_line_to_fix()
    {
        var data = Path.Combine(root, "train.tsv");
        File.WriteAllLines(data, ["pos\tfine", "neg\tbad", "just a line without a label"]);

        var refused = Hearth.Run(Home, "train", "classify", "--data", data);
        var unknownTask = Hearth.Run(Home, "train", "translate", "--data", data);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("train.tsv:3: not LABEL<TAB>TEXT", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknownTask.ExitCode);
        Assert.Contains("'translate' is not a task", unknownTask.Stderr + unknownTask.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("submit", "train")]
    public void The_help_of_training_renders_its_data_formats(params string[] command)
    {
        var help = Hearth.Run(Home, [.. command, "--help"]);

        Assert.True(help.ExitCode == 0, help.Stderr);
        Assert.Contains("{\"text\", \"entities\": [{\"start\", \"end\", \"label\"}]}", help.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
