#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// The shipped joint model (src/Hearth.Learning/Models/joint) beside the analysers it replaces, on the public dev splits
// of ../shared/data (never trained on; no test split is here): names PER/ORG/LOC (entity F1, exact span and type) against
// the name rules (NameFinder); sentiment (accuracy, positive or negative) against the shipped head on MiniLM vectors;
// Ekman emotions (GoEmotions comments with one of anger, disgust, fear, joy, sadness) against the shipped emotion head;
// parts of speech and lemmas on UD English-EWT (before: none). Then the speed of its one pass beside the raw MiniLM.
// Usage: dotnet run -c Release bench/joint-vs-shipped.cs
using System.Diagnostics;
using System.Text.Json;
using Hearth.Hardware.Ai;
using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Segmentation;

var data = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench", "..", "..", "shared", "data"));
string File(string path) => Path.Combine(data, path);
using var runtime = new EncoderRuntime();
var shipped = new TextModels(runtime);
using var joint = JointModel.Load(JointModel.ShippedFolder, ExecutionProviders.Cpu);
var rules = new NameFinder();

// Names: every gold sentence's words joined by spaces, both sides given the same text.
string[] kept = ["PER", "ORG", "LOC"];
(string File, string Name)[] nerSets = [("ner_wikigold/dev.conll", "Wikipedia (wikigold)"), ("ner_uner_en_ewt/dev.conll", "web (UNER EWT)"),
    ("ner_btc/dev.conll", "tweets (BTC)"), ("wnut17/dev.conll", "social media (WNUT-17)")];
foreach (var (file, name) in nerSets)
{
    var gold = TaggedSentences.Read(File(file), bio: true);
    var (before, after) = (new List<(string[], string[], string[])>(), new List<(string[], string[], string[])>());
    foreach (var s in gold)
    {
        var sentences = Segmenter.Sentences(string.Join(' ', s.Words));
        var expected = s.Tags.Select(t => kept.Contains(t.Length > 2 ? t[2..] : "") ? t : "O").ToArray();
        before.Add((s.Words, expected, MentionTags.Of(s.Words, rules.Find(sentences))));
        after.Add((s.Words, expected, MentionTags.Of(s.Words, joint.Analyze(sentences).SelectMany(x => x.Entities))));
    }

    var (r, j) = (TaggingReport.Score(before, entities: true), TaggingReport.Score(after, entities: true));
    Console.WriteLine($"names, {name} dev ({gold.Count} sentences), PER/ORG/LOC entity F1: rules {r.F1:F3}, joint {j.F1:F3} "
        + $"({string.Join(", ", j.Types.Select(t => $"{t.Label} {t.F1:F3}"))}), {j.F1 / Math.Max(r.F1, 1e-9):0.00}×");
}

// Sentiment: texts labelled 1 (positive) or 0 (negative).
var sentimentLabels = joint.Card.Tasks.Single(t => t.Name == "sentiment").Labels.ToList();
foreach (var file in new[] { "reviews_womens_clothing/dev.tsv", "poem_sentiment/dev.binary.tsv" })
{
    var examples = LabelledTexts.Read(File(file));
    var texts = examples.Select(e => e.Text).ToList();
    var before = shipped.Encoder.Encode(texts).Select(v => shipped.Sentiment.Positive(v) >= 0.5 ? "1" : "0").ToList();
    var after = texts.Select(t => Positive(t) >= 0.5 ? "1" : "0").ToList();
    double Accuracy(List<string> predicted) => predicted.Where((p, i) => p == examples[i].Label).Count() / (double)examples.Count;
    Console.WriteLine($"sentiment, {file} ({examples.Count}): shipped head {Accuracy(before):F3}, joint {Accuracy(after):F3}");
}

// Emotion: GoEmotions dev comments whose labels fall in exactly one of Hearth's five Ekman emotions.
string[] five = ["anger", "disgust", "fear", "joy", "sadness"];
var ekman = JsonSerializer.Deserialize<Dictionary<string, string[]>>(System.IO.File.ReadAllText(File("goemotions/ekman_mapping.json")))!;
var names = System.IO.File.ReadAllLines(File("goemotions/emotions.txt")).Where(l => l.Length > 0).ToArray();
var single = System.IO.File.ReadAllLines(File("goemotions/dev.tsv")).Select(l => l.Split('\t'))
    .Select(c => (Text: c[0],
        Ekman: c[1].Split(',').Select(i => five.FirstOrDefault(k => ekman[k].Contains(names[int.Parse(i)]))).Distinct().ToList()))
    .Where(e => e.Ekman is [not null]).Select(e => (e.Text, Label: e.Ekman[0]!)).ToList();
var emotionLabels = joint.Card.Tasks.Single(t => t.Name == "emotion").Labels.ToList();
var shippedEmotion = shipped.Encoder.Encode([.. single.Select(e => e.Text)]).Select(v =>
{
    var p = shipped.Emotion.Probabilities(v);
    return five.MaxBy(k => shipped.Emotion.Labels.ToList().IndexOf(k) is var i and >= 0 ? p[i] : -1)!;
}).ToList();
var jointEmotion = single.Select(e =>
{
    var p = Mean(joint.Analyze(Segmenter.Sentences(e.Text)).Select(s => s.Labels["emotion"]));
    return five.MaxBy(k => ekman[k].Max(l => p[emotionLabels.IndexOf(l)]))!;
}).ToList();
foreach (var (label, predicted) in new[] { ("shipped head", shippedEmotion), ("joint", jointEmotion) })
{
    var report = ClassificationReport.Score(five, [.. single.Select((e, i) => (e.Text, e.Label, predicted[i], 1.0))]);
    Console.WriteLine($"emotion, GoEmotions dev, Ekman five ({single.Count}): {label} accuracy {report.Accuracy:F3}, macro-F1 {report.MacroF1:F3}");
}

Console.WriteLine($"  (always answering the most frequent, {single.GroupBy(e => e.Label).MaxBy(g => g.Count())!.Key}: "
    + $"{single.GroupBy(e => e.Label).Max(g => g.Count()) / (double)single.Count:F3})");

// Parts of speech and lemmas: UD English-EWT dev, the treebank's words given as tokens.
var treebank = Treebank(File("ud_en_ewt/dev.conllu.gz"));
var asSentences = treebank.Select(words =>
{
    var (tokens, start) = (new List<Token>(), 0);
    foreach (var (word, _, _) in words)
    {
        tokens.Add(new Token(start, word.Length, word, TokenKind.Word));
        start += word.Length + 1;
    }

    return new Sentence(0, start - 1, string.Join(' ', words.Select(w => w.Word)), tokens);
}).ToList();
var tagged = joint.Analyze(asSentences);
var pairs = treebank.Zip(tagged).SelectMany(p => p.First.Zip(p.Second.Words)).ToList();
var uposRight = pairs.Count(p => p.First.Tag == p.Second.Tag) / (double)pairs.Count;
Console.WriteLine($"parts of speech, UD English-EWT dev ({pairs.Count:N0} words): UPOS accuracy {uposRight:F4}, "
    + $"lemma accuracy {pairs.Count(p => p.First.Lemma == p.Second.Lemma) / (double)pairs.Count:F4} (before: none)");

// Speed: the joint model's one pass (every task) beside the raw MiniLM's sentence vectors, on the same sentences.
var treebankTexts = asSentences.Select(s => s.Text).ToList();
var wordCount = asSentences.Sum(s => s.Tokens.Count);
shipped.Encoder.Encode(treebankTexts[..64]);
var clock = Stopwatch.StartNew();
shipped.Encoder.Encode(treebankTexts);
var raw = wordCount / clock.Elapsed.TotalSeconds;
clock.Restart();
joint.Analyze(asSentences);
var all = wordCount / clock.Elapsed.TotalSeconds;
Console.WriteLine($"speed over {asSentences.Count:N0} sentences: raw MiniLM {raw:N0} words/s, "
    + $"joint model (names, parts of speech, lemmas, sentiment, emotion) {all:N0} words/s, {all / raw:0.00}×");

static List<List<(string Word, string Tag, string Lemma)>> Treebank(string path)
{
    using var reader = new StreamReader(new System.IO.Compression.GZipStream(System.IO.File.OpenRead(path),
        System.IO.Compression.CompressionMode.Decompress));
    var (sentences, current) = (new List<List<(string, string, string)>>(), new List<(string, string, string)>());
    for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
    {
        var fields = line.Split('\t');
        if (line.Length == 0 && current.Count > 0)
        {
            sentences.Add(current);
            current = [];
        }
        else if (fields.Length == 10 && int.TryParse(fields[0], out _))
        {
            current.Add((fields[1], fields[3], fields[2]));
        }
    }

    return sentences;
}

double Positive(string text)
{
    var p = Mean(joint.Analyze(Segmenter.Sentences(text)).Select(s => s.Labels["sentiment"]));
    return p[sentimentLabels.IndexOf("1")];
}

static float[] Mean(IEnumerable<float[]> rows)
{
    var list = rows.ToList();
    return [.. Enumerable.Range(0, list[0].Length).Select(k => list.Average(r => r[k]))];
}
