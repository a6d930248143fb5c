using System.Diagnostics;
using Hearth.Text.Input;

namespace Hearth.Text.Tests;

/// <summary>Reading what users point Hearth at: directory walks that cannot hang or loop, texts of any size in parts.</summary>
public sealed class DocumentReaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-reader-").FullName;

    [Fact]
    public async Task A_walk_reads_regular_files_once_and_reports_fifos_loops_second_links_and_broken_links()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(root, "corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "a.txt"), "Anna lives in Lyon.");
        Directory.CreateDirectory(Path.Combine(corpus, "sub"));
        File.WriteAllText(Path.Combine(corpus, "sub", "b.txt"), "Paul lives in Paris.");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(corpus, "zz.txt")]))
        {
            mkfifo.WaitForExit();
        }

        Directory.CreateSymbolicLink(Path.Combine(corpus, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(corpus, "link.txt"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(corpus, "broken.txt"), "nowhere.txt");

        var read = Task.Run(() => DocumentReader.Read(corpus, TextReader.Null).ToList());
        var documents = (await read.WaitAsync(TimeSpan.FromSeconds(30))).ToDictionary(d => d.Id); // a TimeoutException: it hung

        Assert.Equal(["a.txt", "broken.txt", "link.txt", "sub/b.txt", "sub/up", "zz.txt"], documents.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Anna lives in Lyon.", documents["a.txt"].Text);
        Assert.Equal("Paul lives in Paris.", documents["sub/b.txt"].Text);
        Assert.Contains("a FIFO", documents["zz.txt"].Error, StringComparison.Ordinal);
        Assert.Contains("a loop", documents["sub/up"].Error, StringComparison.Ordinal);
        Assert.Contains("same file", documents["link.txt"].Error, StringComparison.Ordinal);
        Assert.Contains("broken link", documents["broken.txt"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_text_comes_in_parts_cut_between_sentences_and_a_shared_beginning_gives_the_same_parts()
    {
        var sentence = "Anna Martin met the GPU team in Lyon on Friday. ";
        var longText = string.Concat(Enumerable.Repeat(sentence, 6_000)); // 288,000 characters
        var shorter = longText[..150_000];

        var parts = DocumentReader.Read("-", new StringReader(longText)).ToList();
        var shorterParts = DocumentReader.Read("-", new StringReader(shorter)).ToList();
        var shortText = Assert.Single(DocumentReader.Read("-", new StringReader(sentence)));

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Text!.Length, 1, DocumentReader.PartCharacters));
        Assert.Equal(longText, string.Concat(parts.Select(p => p.Text)));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith("Friday. ", p.Text, StringComparison.Ordinal));
        Assert.Equal(["-@0", $"-@{parts[0].Text!.Length}", $"-@{parts[0].Text!.Length + parts[1].Text!.Length}"], parts.Select(p => p.Id));
        Assert.Equal(parts[0], shorterParts[0]);
        Assert.Equal("-", shortText.Id);
    }

    [Fact]
    public void A_bad_line_in_a_jsonl_file_is_reported_and_the_others_read()
    {
        var file = Path.Combine(root, "docs.jsonl");
        File.WriteAllText(file, "{\"text\": \"one\"}\nnot json\n\n{\"id\": \"x\", \"text\": \"three\"}\n");

        var documents = DocumentReader.Read(file, TextReader.Null).ToList();

        Assert.Equal(["docs.jsonl:1", "docs.jsonl:2", "x"], documents.Select(d => d.Id));
        Assert.Equal(["one", null, "three"], documents.Select(d => d.Text));
        Assert.StartsWith("not JSON", documents[1].Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
