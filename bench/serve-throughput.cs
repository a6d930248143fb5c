#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// Inference of a fine-tuned model beside the frozen pipeline it replaces, in one run on the same documents: sentiment of
// the public women's clothing reviews (dev set) through TextAnalyzer, once with the shipped head on MiniLM sentence vectors
// (the anchor), once with a model of 'hearth train' (top 2 layers changed, exported into the ONNX graph and served by
// ONNX Runtime on the same provider). Goal: ≥ 0.9× the anchor's words/s. Rounds alternate so both see the same machine.
// Usage: dotnet run -c Release bench/serve-throughput.cs [DOCUMENTS] [ROUNDS]
using System.Diagnostics;
using Hearth.Hardware.Ai;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Language;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var repository = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench", ".."));
var texts = File.ReadLines(Path.Combine(repository, "../shared/data/reviews_womens_clothing/dev.tsv")).Take(count)
    .Select(l => l.Split('\t', 2)[1]).ToList();
var words = texts.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

var home = Directory.CreateTempSubdirectory("hearth-serve-bench-").FullName;
var store = new ModelStore(home);
var model = ModelStore.LoadBase();
model.TrainTopLayers(2);
var head = new SentenceHead(["negative", "positive"], model.Config.Hidden, seed: 1);
store.Save(new ModelCard
{
    Name = "bench", Task = "sentiment", Labels = head.Labels, Base = ModelStore.BaseName, TrainedLayers = 2, DataFile = "none", DataSha256 = "",
    Examples = 0, Epochs = 0, Created = DateTimeOffset.UtcNow, WeightsSha256 = "",
}, model, head);
model = null;

using var runtime = new EncoderRuntime(Path.Combine(Path.GetTempPath(), "hearth-bench-cache"));
var analyzer = new TextAnalyzer(new LanguageDetector("en"), Gazetteer.Empty, new TextModels(runtime));
using var trained = new TrainedModels(store, runtime);
var choice = trained.Choose(["sentiment=bench"]);
Console.WriteLine($"{texts.Count} reviews, {words:N0} words, {Environment.ProcessorCount} cores, provider {runtime.Encoder.Provider}");
analyzer.AnalyzeMany(texts[..16], [Feature.Sentiment], "en"); // warm-up, both
analyzer.AnalyzeMany(texts[..16], [Feature.Sentiment], "en", choice);

var (frozen, tuned) = (new List<double>(), new List<double>());
for (var r = 0; r < rounds; r++)
{
    frozen.Add(Rate(() => analyzer.AnalyzeMany(texts, [Feature.Sentiment], "en")));
    tuned.Add(Rate(() => analyzer.AnalyzeMany(texts, [Feature.Sentiment], "en", choice)));
}

var (anchor, ours) = (frozen.Order().ElementAt(rounds / 2), tuned.Order().ElementAt(rounds / 2));
Console.WriteLine($"  frozen pipeline, shipped head (anchor)   {anchor,8:N0} words/s (median of {rounds})");
Console.WriteLine($"  fine-tuned model, served by ONNX Runtime {ours,8:N0} words/s   {ours / anchor:0.00}× the anchor (goal ≥ 0.9×)");
Directory.Delete(home, recursive: true);

double Rate(Action run)
{
    var clock = Stopwatch.StartNew();
    run();
    return words / clock.Elapsed.TotalSeconds;
}
