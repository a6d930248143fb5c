using System.Text.Json;

namespace Hearth.Cli.Tests;

/// <summary>The real <c>hearth analyze</c> over a directory with a broken file, interrupted and resumed.</summary>
public sealed class AnalyzeEndToEndTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-analyze-").FullName;

    private string Corpus => Path.Combine(root, "corpus");

    public AnalyzeEndToEndTests()
    {
        Directory.CreateDirectory(Path.Combine(Corpus, "web"));
        File.WriteAllText(Path.Combine(Corpus, "a.txt"), "The GPU cluster in Lyon trained the model on 3 March 2026 for $1,200.");
        File.WriteAllText(Path.Combine(Corpus, "b.md"), "# Notes\n\nLe serveur a consommé 12 kW pendant 3 heures.");
        File.WriteAllText(Path.Combine(Corpus, "web", "c.html"), "<p>Contact <b>ops@hearth.example</b> before 10:30 am.</p><script>x()</script>");
        File.WriteAllBytes(Path.Combine(Corpus, "broken.txt"), [0x47, 0x50, 0x55, 0x00, 0xFF, 0x13]);
        File.WriteAllText(Path.Combine(Corpus, "d.jsonl"),
            "{\"id\": \"r1\", \"text\": \"Great laptop, fast and quiet.\"}\nnot json\n{\"text\": \"Battery died after 2 days.\"}\n");
        File.WriteAllText(Path.Combine(Corpus, "slides.pdf"), "%PDF-1.7");
    }

    [Fact]
    public void A_directory_is_analysed_the_broken_files_reported_and_the_rest_processed()
    {
        var output = Path.Combine(root, "out.jsonl");

        var result = Hearth.Run("analyze", Corpus, "-o", output);

        Assert.Equal(1, result.ExitCode); // some inputs could not be read
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a.txt", "b.md", "broken.txt", "r1", "d.jsonl:2", "d.jsonl:3", "slides.pdf", Path.Combine("web", "c.html")],
            lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Contains("binary data", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("not JSON", lines[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("'.pdf' files are not read", lines[6].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("fr", lines[1].GetProperty("result").GetProperty("language").GetProperty("code").GetString());
        var email = lines[7].GetProperty("result").GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "EMAIL");
        Assert.Equal("ops@hearth.example", email.GetProperty("text").GetString());
        Assert.Contains("broken.txt: unreadable", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("analysed 5 documents", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifty_megabyte_text_is_analysed_in_parts_in_flat_memory()
    {
        var big = Path.Combine(root, "big.txt");
        var random = new Random(7);
        string[] words = ["the", "GPU", "cluster", "in", "Lyon", "trains", "models", "while", "Anna", "Martin", "reads", "reports", "from", "Paris"];
        using (var writer = new StreamWriter(big))
        {
            while (writer.BaseStream.Length < 50_000_000)
            {
                writer.Write(string.Join(' ', Enumerable.Range(0, random.Next(8, 20)).Select(_ => words[random.Next(words.Length)])));
                writer.Write(random.Next(10) == 0 ? ".\n\n" : ". ");
            }
        }

        var output = Path.Combine(root, "big.jsonl");
        using var run = Hearth.Start(root, "analyze", big, "--features", "language", "-o", output);
        long peak = 0; // kB: the most resident memory the process has had (VmHWM), read until it exits
        while (!run.Process.WaitForExit(200))
        {
            peak = Math.Max(peak, Hearth.Memory(run.Process.Id, "VmHWM"));
        }

        Assert.True(run.Process.ExitCode == 0, run.Output);
        Assert.InRange(peak, 1, 1_000_000); // under 1 GB (it grew to 24 GB on a 200 MB text before)
        var ids = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.InRange(ids.Count, 500, 650);
        Assert.Equal("big.txt@0", ids[0]);
        Assert.Contains($"analysed {ids.Count} documents", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupted_run_resumed_gives_the_same_output_as_one_run()
    {
        var once = Path.Combine(root, "once.jsonl");
        var resumed = Path.Combine(root, "resumed.jsonl");
        Hearth.Run("analyze", Corpus, "-o", once);
        var full = File.ReadAllText(once);
        var cut = full.IndexOf('\n', full.IndexOf('\n') + 1) + 20;
        File.WriteAllText(resumed, full[..cut]); // two whole lines and a torn third, as after a kill

        var result = Hearth.Run("analyze", Corpus, "-o", resumed, "--resume");

        Assert.Equal(full, File.ReadAllText(resumed));
        Assert.Contains("2 already done, skipped", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Resuming_onto_a_file_that_is_not_hearths_output_names_it_and_leaves_it_untouched()
    {
        var other = Path.Combine(root, "notes.jsonl");
        File.WriteAllText(other, "{\"id\": \"a\"}\ngarbage\n{\"torn");

        var result = Hearth.Run("analyze", Corpus, "-o", other, "--resume");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{other}, line 2, is not a result of 'hearth analyze'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{\"id\": \"a\"}\ngarbage\n{\"torn", File.ReadAllText(other));
    }

    [Fact]
    public void One_document_gives_one_json_object_with_only_the_features_asked_for()
    {
        var input = Path.Combine(root, "in.txt");
        File.WriteAllText(input, "Meet Dr. Smith at 10:30 am.");

        var result = Hearth.Run("analyze", input, "--features", "entities,sentences");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray()
            .Select(e => (Type: e.GetProperty("type").GetString(), Text: e.GetProperty("text").GetString()!)).ToList();
        Assert.Contains(entities, e => e.Text == "10:30 am");
        Assert.Contains(entities, e => e.Type == "PERSON" && e.Text.EndsWith("Smith", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("keywords").ValueKind);
    }

    [Fact]
    public void Sentiment_can_be_trained_on_the_users_own_examples_and_the_model_card_says_what_was_measured()
    {
        var examples = Path.Combine(root, "mine.tsv");
        File.WriteAllText(examples, "1\tthe build is green\n1\tall tests pass\n0\tthe build is red\n0\ttests fail again\n");
        var input = Path.Combine(root, "ci.txt");
        File.WriteAllText(input, "All tests pass and the build is green.");

        var result = Hearth.Run("analyze", input, "--features", "sentiment", "--sentiment-examples", examples);
        var cards = Hearth.Run("models");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("positive", json.RootElement.GetProperty("sentiment").GetProperty("document").GetProperty("label").GetString());
        Assert.Contains("accuracy 77.5%", cards.Stdout, StringComparison.Ordinal);
        Assert.Contains("--sentiment-examples", cards.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_features_and_resume_without_output_are_usage_errors()
    {
        Assert.Equal(2, Hearth.Run("analyze", Corpus, "--features", "sentiment-ish").ExitCode);
        Assert.Equal(2, Hearth.Run("analyze", Corpus, "--resume").ExitCode);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
