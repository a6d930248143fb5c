#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// Training throughput of Hearth's engine beside ONNX Runtime's forward pass on the same sentences (the anchor: a
// training step costs about three forward passes, so full fine-tuning should reach ≥ 0.25× of it), plus the engine's
// own forward pass (inference of a fine-tuned model). Training: top 2 layers, all layers, low-rank adapters on every layer.
// Sentences: the first 96 of the public women's clothing reviews
// dev set, batches of 16 by length.
// Usage: dotnet run -c Release bench/train-throughput.cs [SENTENCES]
using System.Diagnostics;
using Hearth.Hardware.Ai;
using Hearth.Learning.Encoder;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Learning.Training;
using Hearth.Text.Embeddings;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 96;
var repository = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench", ".."));
var lines = File.ReadLines(Path.Combine(repository, "../shared/data/reviews_womens_clothing/dev.tsv")).Take(count)
    .Select(l => l.Split('\t', 2)).Select(p => (Text: p[1], Label: int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture))).ToList();
using var onnx = new MiniLmEncoder(ExecutionProviders.Cpu, Path.Combine(Path.GetTempPath(), "hearth-bench-cache"));
var examples = lines.Select(l => (onnx.Tokenize(l.Text).Select(id => (int)id).ToArray(), l.Label)).ToList();
var tokens = examples.Sum(e => e.Item1.Length);
Console.WriteLine($"{examples.Count} sentences, {tokens} tokens (mean {tokens / (double)examples.Count:F0}), {Environment.ProcessorCount} cores");

onnx.Encode([.. lines.Take(8).Select(l => l.Text)]); // warm-up
var ortRate = Rate(() => onnx.Encode([.. lines.Select(l => l.Text)]));
Console.WriteLine($"  ONNX Runtime forward (anchor)          {ortRate,8:N0} tokens/s");

var model = ModelStore.LoadBase();
var batches = examples.OrderBy(e => e.Item1.Length).Chunk(16).Select(b => b.Select(e => e.Item1).ToArray()).ToList();
var forwardRate = Rate(() => batches.ForEach(b => BertEncoder.Forward(model, b)));
Console.WriteLine($"  Hearth engine forward                  {forwardRate,8:N0} tokens/s   {forwardRate / ortRate:0.00}× the anchor");
foreach (var (label, layers, rank) in new[] { ("training, top 2 layers", 2, 0), ("training, all layers", 6, 0), ("training, adapters", 0, 8) })
{
    var head = new SentenceHead(["0", "1"], model.Config.Hidden, 1);
    var trained = rank > 0 ? ModelStore.LoadBase() : model;
    var options = new TrainingOptions(Epochs: 2, TopLayers: layers, AdapterRank: rank);
    new Trainer(trained, [new TrainingTask<int>("sentiment", head, examples[..16])], options).Epoch(); // warm-up
    var trainer = new Trainer(trained, [new TrainingTask<int>("sentiment", head, examples)], options);
    var rate = Rate(() => trainer.Epoch());
    Console.WriteLine($"  Hearth engine {label,-24} {rate,8:N0} tokens/s   {rate / ortRate:0.00}× the anchor");
}

double Rate(Action work)
{
    var watch = Stopwatch.StartNew();
    work();
    return tokens / watch.Elapsed.TotalSeconds;
}
