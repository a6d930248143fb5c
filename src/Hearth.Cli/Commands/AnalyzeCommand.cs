using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Hearth.Hardware;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Input;
using Hearth.Text.Language;
using Hearth.Text.Sentiment;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Hearth.Cli.Commands;

/// <summary>
/// <c>hearth analyze FILE|DIR|-</c>: the text pipeline over one document (JSON) or many (JSON Lines, written as
/// they are done so an interrupted run loses nothing, and <c>--resume</c> goes on where it stopped).
/// </summary>
internal sealed class AnalyzeCommand(LanguageDetector languages, TextModels models, EncoderRuntime runtime, TrainedModels trained)
    : Command<AnalyzeCommand.Settings>
{
    /// <summary>Documents go through the model in groups of at most this many, and at most <see cref="GroupCharacters"/>.</summary>
    private const int Group = 16;

    private const int GroupCharacters = 100_000;

    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<INPUT>")]
        [Description("A .txt, .md, .html or .jsonl file, a directory of them, or - for standard input.")]
        public string Input { get; init; } = "";

        [CommandOption("--features <LIST>")]
        [Description("Comma-separated: language, sentences, entities, keywords, sentiment, emotion, tone, categories, personality (default: all).")]
        public string? Features { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Write the results to FILE (JSON Lines for many documents) instead of standard output.")]
        public string? Output { get; init; }

        [CommandOption("--resume")]
        [Description("Skip the documents already in --output and append the others.")]
        public bool Resume { get; init; }

        [CommandOption("--model <FEATURE=NAME>")]
        [Description("Use a model trained with 'hearth train': sentiment=NAME (in place of the shipped sentiment), classifications=NAME "
            + "(its labels per document). Repeat the option, or join pairs with commas.")]
        public string[] Models { get; init; } = [];

        [CommandOption("--sentiment-examples <FILE>")]
        [Description("Train the sentiment head on your own examples: lines of 'label TAB text', 1 = positive, 0 = negative.")]
        public string? SentimentExamples { get; init; }

        [CommandOption("--language <CODE>")]
        [Description("The documents' language (en, fr, de, es, it, pt, nl) instead of detecting it; when detection is unsure, HEARTH_LANGUAGE "
            + "(default en) is used.")]
        public string? Language { get; init; }

        [CommandOption("--gazetteer <FILE>")]
        [Description("JSON of user-defined entity types and their terms, e.g. {\"PRODUCT\": [[\"Hearth\", \"Jetson Orin\"]]}.")]
        public string? Gazetteer { get; init; }

        public override ValidationResult Validate() =>
            Language is not null && !LanguageDetector.Codes.Contains(Language.ToLowerInvariant())
                ? ValidationResult.Error($"unknown language '{Language}': name one of {string.Join(", ", LanguageDetector.Codes)}")
            : Resume && Output is null ? ValidationResult.Error("--resume needs --output FILE: the results to resume from")
            : Input.Length == 0 ? ValidationResult.Error("give a file, a directory, or - for standard input")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var choice = trained.Choose(settings.Models);
        var features = Feature.Parse(settings.Features);
        if (choice.Classifications is not null && settings.Features is null)
        {
            features = [.. features, Feature.Classifications];
        }

        var chosen = settings.SentimentExamples is { } file ? new TextModels(runtime, LoadExamples(file)) : models;
        // On another core, while the language model loads and the documents are read; awaited before any exit, since a
        // process that ends while ONNX Runtime builds its session can crash in native code (exit 139 instead of the real one).
        var preload = features.Intersect(Feature.Encoded).Any() ? Task.Run(chosen.Load, cancellationToken) : Task.CompletedTask;
        try
        {
            return Analyze(chosen, features, choice, settings, cancellationToken);
        }
        finally
        {
            try
            {
                preload.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // a load that failed is reported by the analysis that needed it
            }
        }
    }

    private int Analyze(TextModels chosen, IReadOnlyList<string> features, ModelChoice choice, Settings settings, CancellationToken cancellationToken)
    {
        var analyzer = new TextAnalyzer(languages, LoadGazetteer(settings.Gazetteer), chosen, trained.Shipped());
        var many = settings.Input is not ("-" or "/dev/stdin")
            && (Directory.Exists(settings.Input) || settings.Input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase));
        // One document is answered as JSON; several (a directory, a .jsonl file, a long text in parts) as JSON Lines.
        using var documents = DocumentReader.Read(settings.Input, Console.In).GetEnumerator();
        var first = documents.MoveNext() ? documents.Current : null;
        var second = first is not null && documents.MoveNext() ? documents.Current : null;
        if (!many && settings.Output is null && first is not null && second is null)
        {
            if (first.Error is not null)
            {
                Console.Error.WriteLine($"hearth: {first.Id}: {first.Error}");
                return ExitCodes.SomeInputsUnreadable;
            }

            var result = analyzer.Analyze(first.Text!, features, settings.Language, choice, cancellationToken);
            Console.Out.WriteLine(JsonSerializer.Serialize(result, HearthJson.Options));
            return ExitCodes.Ok;
        }

        return AnalyzeMany(analyzer, features, choice, Rest(first, second, documents), settings, cancellationToken);
    }

    private static int AnalyzeMany(TextAnalyzer analyzer, IReadOnlyList<string> features, ModelChoice choice, IEnumerable<InputDocument> documents,
        Settings settings, CancellationToken cancellationToken)
    {
        var done = settings.Resume ? ResumePoint(settings.Output!) : [];
        using var output = settings.Output is null ? Console.Out
            : new StreamWriter(new FileStream(settings.Output, settings.Resume ? FileMode.Append : FileMode.Create), new UTF8Encoding(false));
        var (count, words, characters, errors, skipped) = (0, 0L, 0L, 0, 0);
        var watch = Stopwatch.StartNew();
        // Documents go through the model in small groups (their sentences share batches); each result is
        // written and flushed as soon as its group is done, so an interruption loses at most one group.
        var pending = documents.Where(d =>
        {
            var already = done.Contains(d.Id);
            skipped += already ? 1 : 0;
            return !already;
        });
        foreach (var group in Groups(pending))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var readable = group.Where(d => d.Error is null).ToList();
            IReadOnlyList<AnalysisResult> results;
            try
            {
                results = analyzer.AnalyzeMany([.. readable.Select(d => d.Text!)], features, settings.Language, choice, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break; // Ctrl+C: this group is not written, and --resume starts from it
            }

            foreach (var document in group)
            {
                if (document.Error is not null)
                {
                    errors++;
                    Console.Error.WriteLine($"hearth: {document.Id}: {document.Error}");
                    output.WriteLine(AnalysisLine.Error(document.Id, document.Error));
                }
                else
                {
                    var result = results[readable.IndexOf(document)];
                    words += result.Usage.Words;
                    characters += result.Usage.Characters;
                    output.WriteLine(AnalysisLine.Of(document.Id, result));
                }

                count++;
            }

            output.Flush();
            if (!Console.IsErrorRedirected)
            {
                Console.Error.Write($"\r{count} documents, {characters:N0} characters, {count / watch.Elapsed.TotalSeconds:N0} documents/s, "
                    + $"{words / watch.Elapsed.TotalSeconds:N0} words/s ");
            }
        }

        var seconds = Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        var resumed = skipped > 0 ? $"; {skipped} already done, skipped" : "";
        var interrupted = cancellationToken.IsCancellationRequested ? "; interrupted: --resume goes on from here" : "";
        var rates = $"{(count - errors) / seconds:N0} documents/s, {words / seconds:N0} words/s";
        Console.Error.WriteLine($"{(Console.IsErrorRedirected ? "" : "\r")}hearth: analysed {count - errors} documents ({words:N0} words) in "
            + $"{seconds:N1} s: {rates}; {errors} unreadable{resumed}{interrupted}");
        return errors > 0 ? ExitCodes.SomeInputsUnreadable : ExitCodes.Ok;
    }

    private static IEnumerable<List<InputDocument>> Groups(IEnumerable<InputDocument> documents)
    {
        var group = new List<InputDocument>();
        var characters = 0L;
        foreach (var document in documents)
        {
            if (group.Count == Group || (group.Count > 0 && characters + (document.Text?.Length ?? 0) > GroupCharacters))
            {
                yield return group;
                (group, characters) = ([], 0);
            }

            group.Add(document);
            characters += document.Text?.Length ?? 0;
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static IEnumerable<InputDocument> Rest(InputDocument? first, InputDocument? second, IEnumerator<InputDocument> others)
    {
        foreach (var document in new[] { first, second }.OfType<InputDocument>())
        {
            yield return document;
        }

        while (others.MoveNext())
        {
            yield return others.Current;
        }
    }

    /// <summary>
    /// The ids already written; a last line cut by an interruption is removed. A file that is not Hearth's output (a line
    /// that is not JSON with an id) is refused, untouched, with its name and line.
    /// </summary>
    private static HashSet<string> ResumePoint(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // Line by line: an output can be far larger than memory. A last line without its line break was cut by an interruption.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long length, complete = 0;
        using (var reader = new StreamReader(path, new UTF8Encoding(false)))
        {
            length = reader.BaseStream.Length;
            var number = 0;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                number++;
                var end = complete + Encoding.UTF8.GetByteCount(line) + 1;
                if (end > length)
                {
                    break;
                }

                complete = end;
                if (line.Length > 0)
                {
                    ids.Add(IdOf(line) ?? throw new InvalidOperationException($"{path}, line {number}, is not a result of 'hearth analyze' "
                        + "(JSON with an \"id\"): --resume appends to the output of an earlier run only; give another --output, or leave "
                        + "--resume out"));
                }
            }
        }

        if (complete < length)
        {
            using var file = new FileStream(path, FileMode.Open);
            file.SetLength(complete);
        }

        return ids;
    }

    private static string? IdOf(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<(string Text, int Label)> LoadExamples(string path)
    {
        try
        {
            var examples = SentimentModel.Parse(File.ReadAllText(path));
            return examples.Select(e => e.Label).Distinct().Count() == 2 && examples.All(e => e.Label is 0 or 1)
                ? examples
                : throw new FormatException("it needs examples of both labels, 1 (positive) and 0 (negative)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            throw new ArgumentException($"--sentiment-examples '{path}' cannot be used ({e.Message}): write lines of 'label TAB text', 1 = "
                + $"positive, 0 = negative", e);
        }
    }

    private static Gazetteer LoadGazetteer(string? path)
    {
        if (path is null)
        {
            return Gazetteer.Empty;
        }

        try
        {
            return new Gazetteer(JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(File.ReadAllText(path))!);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--gazetteer '{path}' is not a readable JSON object of types and terms ({e.Message}), e.g. "
                + $"{{\"PRODUCT\": [\"Hearth\"]}}", e);
        }
    }
}
