#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// Models trained with 'hearth train' beside the shipped ones they replace, on public dev splits in ../shared/data
// (never trained on): sentiment (accuracy, the shipped head's sign vs the trained model's label) on the women's
// clothing reviews and poem_sentiment; names (entity F1, exact span and type, PER/ORG/LOC) on wikigold, the shipped
// rules (NameFinder) vs a ner model. Both sides see the same text split into the same words.
// Usage: HEARTH_HOME=… dotnet run -c Release bench/trained-vs-shipped.cs CLOTHING_MODEL POEM_MODEL NER_MODEL
using Hearth.Hardware.Ai;
using Hearth.Hardware.History;
using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

var data = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench", "..", "..", "shared", "data"));
var store = new ModelStore(HearthHome.Resolve());
using var runtime = new EncoderRuntime();
var shipped = new TextModels(runtime);
foreach (var (file, name) in new[] { ("reviews_womens_clothing/dev.tsv", args[0]), ("poem_sentiment/dev.binary.tsv", args[1]) })
{
    using var sentiment = TrainedClassifier.Load(store, name, ExecutionProviders.Cpu);
    var examples = LabelledTexts.Read(Path.Combine(data, file));
    var texts = examples.Select(e => e.Text).ToList();
    var before = shipped.Encoder.Encode(texts).Select(v => shipped.Sentiment.Positive(v) >= 0.5 ? "1" : "0").ToList();
    var positive = sentiment.Labels.ToList().FindIndex(l => l is "1" or "positive" or "pos");
    var after = sentiment.Classify(texts).Select(p => p[positive] >= 0.5 ? "1" : "0").ToList();
    double Accuracy(List<string> predicted) => predicted.Where((p, i) => p == examples[i].Label).Count() / (double)examples.Count;
    Console.WriteLine($"sentiment {file} ({examples.Count}): shipped head {Accuracy(before):F3}, trained '{name}' {Accuracy(after):F3}");
}

using var names = TrainedTagger.Load(store, args[2], ExecutionProviders.Cpu);
var gold = TaggedSentences.Read(Path.Combine(data, "ner_wikigold/dev.conll"), bio: true);
string[] kept = ["PER", "ORG", "LOC"];
var rules = new NameFinder();
var (rulesPairs, modelPairs) = (new List<(string[], string[], string[])>(), new List<(string[], string[], string[])>());
foreach (var s in gold)
{
    var text = string.Join(' ', s.Words);
    var expected = s.Tags.Select(t => kept.Contains(t.Length > 2 ? t[2..] : "") ? t : "O").ToArray();
    var sentences = Segmenter.Sentences(text);
    rulesPairs.Add((s.Words, expected, MentionTags.Of(s.Words, rules.Find(sentences))));
    modelPairs.Add((s.Words, expected, MentionTags.Of(s.Words, names.Find(sentences))));
}

foreach (var (label, pairs) in new[] { ("shipped rules (NameFinder)", rulesPairs), ($"trained '{args[2]}'", modelPairs) })
{
    var report = TaggingReport.Score(pairs, entities: true);
    Console.WriteLine($"names wikigold dev ({gold.Count} sentences), PER/ORG/LOC: {label} F1 {report.F1:F3} (P {report.Precision:F3}, "
        + $"R {report.Recall:F3}; {string.Join(", ", report.Types.Select(t => $"{t.Label} {t.F1:F3}"))})");
}
