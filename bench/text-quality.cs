#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// The quality of what `hearth analyze` gives, through the pipeline as users get it: now (the shipped joint model reads English
// for names, sentiment and emotion) beside the previous pipeline (name rules, heads on MiniLM sentence vectors), in the same
// run, with the ratio. On the dev splits of the public corpora in ../shared/data (never trained or tuned on; no test split is
// here) and on the sets we wrote in bench/data (flattering: they were looked at). Then parts of speech and lemmas, and the
// speed of the whole pipeline beside the raw MiniLM's sentence vectors.
// Usage: dotnet run -c Release bench/text-quality.cs [MAX_EXAMPLES_PER_SET]
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearth.Hardware.Ai;
using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Language;
using Hearth.Text.Segmentation;
using Hearth.Text.Sentiment;

var max = args.Length > 0 ? int.Parse(args[0]) : int.MaxValue;
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench";
string Shared(string path) => Path.GetFullPath(Path.Combine(here, "..", "..", "shared", "data", path));
string Own(string path) => Path.Combine(here, "data", path);
using var runtime = new EncoderRuntime();
var models = new TextModels(runtime);
using var joint = JointModel.Load(JointModel.ShippedFolder, ExecutionProviders.Cpu);
var previous = new TextAnalyzer(new LanguageDetector(), Gazetteer.Empty, models);
var now = new TextAnalyzer(new LanguageDetector(), Gazetteer.Empty, models, joint);
void Line(string what, Func<TextAnalyzer, double> figure)
{
    var (before, after) = (figure(previous), figure(now));
    Console.WriteLine($"  {what,-62} previous {before,6:F3}   now {after,6:F3}   {after / Math.Max(before, 1e-9),5:0.00}×");
}

Console.WriteLine("Names (PERSON, ORGANIZATION, LOCATION): entity-level F1, exact span and type");
(string File, string Name)[] nerSets = [("ner_wikigold/dev.conll", "Wikipedia (wikigold)"), ("ner_uner_en_ewt/dev.conll", "web (UNER EWT)"),
    ("ner_btc/dev.conll", "tweets (BTC)"), ("wnut17/dev.conll", "social media (WNUT-17)")];
foreach (var (file, name) in nerSets)
{
    var gold = TaggedSentences.Read(Shared(file), bio: true).Take(max).ToList();
    var expected = gold.Select(s => s.Tags.Select(t => t.Length > 2 && t[2..] is "PER" or "ORG" or "LOC" ? t : "O").ToArray()).ToList();
    Line($"{name} dev, {gold.Count} sentences", analyzer =>
    {
        var results = analyzer.AnalyzeMany([.. gold.Select(s => string.Join(' ', s.Words))], [Feature.Entities], "en");
        return TaggingReport.Score([.. gold.Select((s, i) =>
            (s.Words, expected[i], MentionTags.Of(s.Words, results[i].Entities!.SelectMany(e => e.Mentions))))], entities: true).F1;
    });
}

var marked = new Regex(@"\[(PERSON|ORGANIZATION|LOCATION) ([^\]]+)\]");
foreach (var file in new[] { "entities-eval.txt", "entities-heldout.txt" })
{
    var lines = File.ReadAllLines(Own(file)).Where(l => l.Length > 0 && l[0] != '#').ToList();
    Line($"ours, bench/data/{file} (news-like), {lines.Count} lines", analyzer =>
    {
        var results = analyzer.AnalyzeMany([.. lines.Select(l => marked.Replace(l, "$2"))], [Feature.Entities], "en");
        var pairs = lines.Select((l, i) => (Expected: marked.Matches(l).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToHashSet(),
            Got: results[i].Entities!.Where(e => e.Type is "PERSON" or "ORGANIZATION" or "LOCATION")
                .SelectMany(e => e.Mentions.Select(m => (e.Type, m.Text))).ToHashSet())).ToList();
        double right = pairs.Sum(p => p.Got.Count(p.Expected.Contains)), got = pairs.Sum(p => p.Got.Count);
        return 2 * right / Math.Max(1, got + pairs.Sum(p => p.Expected.Count));
    });
}

Console.WriteLine("Sentiment: accuracy with a neutral answer counted wrong (in brackets: by the sign of the score)");
var clothing = LabelledTexts.Read(Shared("reviews_womens_clothing/dev.tsv")).Take(max).ToList();
(string Name, IReadOnlyList<(string Text, bool Positive)> Examples)[] polar = [
    ("clothing reviews dev, all", [.. clothing.Select(e => (e.Text, e.Label == "1"))]),
    ("clothing reviews dev, short (< 150 characters)", [.. clothing.Where(e => e.Text.Length < 150).Select(e => (e.Text, e.Label == "1"))]),
    ("poem verses dev", [.. LabelledTexts.Read(Shared("poem_sentiment/dev.binary.tsv")).Take(max).Select(e => (e.Text, e.Label == "1"))]),
    .. new[] { "sentiment-eval.tsv", "sentiment-heldout.tsv", "sentiment-heldout-2.tsv" }.Select(f => ($"ours, bench/data/{f}",
        (IReadOnlyList<(string, bool)>)[.. SentimentModel.Parse(File.ReadAllText(Own(f))).Select(e => (e.Text, e.Label == 1))]))];
foreach (var (name, examples) in polar)
{
    var results = new Dictionary<TextAnalyzer, IReadOnlyList<SentimentScore>>();
    IReadOnlyList<SentimentScore> Scores(TextAnalyzer a) => results.TryGetValue(a, out var r) ? r : results[a] =
        [.. a.AnalyzeMany([.. examples.Select(e => e.Text)], [Feature.Sentiment]).Select(x => x.Sentiment!.Document)];
    double Strict(TextAnalyzer a) => Scores(a).Where((s, i) => s.Label == (examples[i].Positive ? "positive" : "negative")).Count()
        / (double)examples.Count;
    double Sign(TextAnalyzer a) => Scores(a).Where((s, i) => s.Score > 0 == examples[i].Positive).Count() / (double)examples.Count;
    Line($"{name}, {examples.Count} texts", Strict);
    Console.WriteLine($"  {"",62}          ({Sign(previous):F3})       ({Sign(now):F3})");
}

var goNames = File.ReadAllLines(Shared("goemotions/emotions.txt")).Where(l => l.Length > 0).ToArray();
var goDev = File.ReadAllLines(Shared("goemotions/dev.tsv")).Select(l => l.Split('\t'))
    .Select(c => (Text: c[0], Labels: c[1].Split(',').Select(i => goNames[int.Parse(i)]).ToList())).Take(max).ToList();
var polarity = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Shared("goemotions/sentiment_dict.json")))!;
var threeWay = goDev.Select(e => (e.Text, Kinds: e.Labels.Select(l => l == "neutral" ? l : polarity.First(p => p.Value.Contains(l)).Key)
    .Distinct().ToList())).Where(e => e.Kinds is [not "ambiguous"]).Select(e => (e.Text, Label: e.Kinds[0])).ToList();
Line($"Reddit comments, GoEmotions dev, 3 classes with neutral: macro-F1, {threeWay.Count}", analyzer =>
{
    var results = analyzer.AnalyzeMany([.. threeWay.Select(e => e.Text)], [Feature.Sentiment], "en");
    return ClassificationReport.Score(["positive", "neutral", "negative"],
        [.. threeWay.Select((e, i) => (e.Text, e.Label, results[i].Sentiment!.Document.Label, 1.0))]).MacroF1;
});

Console.WriteLine("Emotion: Ekman's five as Watson reports them (the strongest one)");
var ekman = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Shared("goemotions/ekman_mapping.json")))!;
string[] five = ["anger", "disgust", "fear", "joy", "sadness"];
var single = goDev.Select(e => (e.Text, Ekman: e.Labels.Select(l => five.FirstOrDefault(k => ekman[k].Contains(l))).Distinct().ToList()))
    .Where(e => e.Ekman is [not null]).Select(e => (e.Text, Label: e.Ekman[0]!)).ToList();
var ownEmotion = File.ReadAllLines(Own("emotion-eval.tsv")).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t', 2))
    .Where(p => five.Contains(p[0])).Select(p => (Text: p[1], Label: p[0])).ToList();
foreach (var (name, examples) in new[] { ("GoEmotions dev, one Ekman emotion", single), ("ours, bench/data/emotion-eval.tsv", ownEmotion) })
{
    var reports = new Dictionary<TextAnalyzer, ClassificationReport>();
    ClassificationReport Report(TextAnalyzer a) => reports.TryGetValue(a, out var r) ? r : reports[a] = ClassificationReport.Score(five,
        [.. a.AnalyzeMany([.. examples.Select(e => e.Text)], [Feature.Emotion], "en").Select((x, i) =>
        {
            var d = x.Emotion!.Document;
            var scores = new[] { d.Anger, d.Disgust, d.Fear, d.Joy, d.Sadness };
            return (examples[i].Text, examples[i].Label, five[Array.IndexOf(scores, scores.Max())], scores.Max());
        })]);
    Line($"{name}: accuracy, {examples.Count} texts", a => Report(a).Accuracy);
    Line($"{name}: macro-F1", a => Report(a).MacroF1);
    Console.WriteLine($"  (always answering {examples.GroupBy(e => e.Label).MaxBy(g => g.Count())!.Key}: accuracy "
        + $"{examples.GroupBy(e => e.Label).Max(g => g.Count()) / (double)examples.Count:F3})");
}

Console.WriteLine("Parts of speech and lemmas, UD English-EWT dev (the treebank's words given as tokens; previously none)");
var treebank = TaggedSentences.Read(Shared("ud_en_ewt/dev.conllu.gz"), bio: false).Take(max).ToList();
var lemmas = Lemmas();
var asSentences = treebank.Select(s =>
{
    var starts = s.Words.Select((w, i) => s.Words.Take(i).Sum(x => x.Length + 1)).ToList();
    var text = string.Join(' ', s.Words);
    return new Sentence(0, text.Length, text, [.. s.Words.Select((w, i) => new Token(starts[i], w.Length, w, TokenKind.Word))]);
}).ToList();
var words = joint.Read(asSentences).Zip(treebank).SelectMany(p => p.First.Words.Zip(p.Second.Tags)).ToList();
var lemmaPairs = words.Zip(lemmas).ToList();
Console.WriteLine($"  UPOS accuracy {words.Count(w => w.First.PartOfSpeech == w.Second) / (double)words.Count:F4}, lemma accuracy "
    + $"{lemmaPairs.Count(p => p.First.First.Lemma == p.Second) / (double)lemmaPairs.Count:F4} over {words.Count:N0} words");

Console.WriteLine("Speed over the treebank's sentences: names, sentiment and emotion, in words per second");
var texts = asSentences.Select(s => s.Text).ToList();
var count = asSentences.Sum(s => s.Tokens.Count);
models.Encoder.Encode(texts[..Math.Min(64, texts.Count)]);
var clock = Stopwatch.StartNew();
models.Encoder.Encode(texts);
var raw = count / clock.Elapsed.TotalSeconds;
foreach (var (name, analyzer) in new[] { ("previous", previous), ("now", now) })
{
    clock.Restart();
    analyzer.AnalyzeMany(texts, [Feature.Entities, Feature.Sentiment, Feature.Emotion], "en");
    var pipeline = count / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"  {name} pipeline {pipeline,8:N0}   raw MiniLM sentence vectors {raw,8:N0}   {pipeline / raw,5:0.00}×");
}

// The treebank's lemmas, in the order TaggedSentences reads its words.
List<string> Lemmas()
{
    using var reader = DataFile.Open(Shared("ud_en_ewt/dev.conllu.gz"));
    var (all, sentences, inSentence) = (new List<string>(), 0, false);
    for (var line = reader.ReadLine(); line is not null && sentences < max; line = reader.ReadLine())
    {
        var fields = line.Split('\t');
        if (fields.Length == 10 && int.TryParse(fields[0], out _))
        {
            inSentence = true;
            all.Add(fields[2]);
        }
        else if (line.Length == 0 && inSentence)
        {
            (sentences, inSentence) = (sentences + 1, false);
        }
    }

    return all;
}
