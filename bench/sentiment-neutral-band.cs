#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// Calibrates the neutral band of sentiment (scores closer to 0 read as neutral) of the shipped joint model, which reads
// English (with "heads": of the sentiment head on MiniLM sentence vectors, SentimentScore.NeutralBand), on data nobody here
// wrote, from the two kinds of text users send: GoEmotions (Reddit comments; its neutral label, and its emotions mapped
// to positive/negative by the corpus's own sentiment_dict.json, ambiguous ones left out) and the clothing reviews (clear-cut:
// 1-2 or 4-5 stars). The band is chosen on the train splits (3-class macro-F1, at most 5 % of reviews neutral) and reported
// on the dev splits for every band.
// The joint model's band goes into its card (src/Hearth.Learning/Models/joint/card.json, the sentiment task's neutralBand).
// Usage: dotnet run -c Release bench/sentiment-neutral-band.cs [EXAMPLES_PER_SPLIT] [joint|heads]   (default 3000 joint)
using System.Text.Json;
using Hearth.Hardware.Ai;
using Hearth.Learning.Data;
using Hearth.Learning.Serving;
using Hearth.Text;
using Hearth.Text.Analysis;
using Hearth.Text.Embeddings;
using Hearth.Text.Entities;
using Hearth.Text.Language;

var count = args.Length > 0 ? int.Parse(args[0]) : 3000;
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench";
var data = Path.GetFullPath(Path.Combine(here, "..", "..", "shared", "data"));
var goemotions = Path.Combine(data, "goemotions");
var names = File.ReadAllLines(Path.Combine(goemotions, "emotions.txt"));
var polarity = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(goemotions, "sentiment_dict.json")))!;
using var runtime = new EncoderRuntime();
using var joint = JointModel.Load(JointModel.ShippedFolder, ExecutionProviders.Cpu);
var analyzer = new TextAnalyzer(new LanguageDetector(), Gazetteer.Empty, new TextModels(runtime), args is [_, "heads"] ? null : joint);

var reviews = Path.Combine(data, "reviews_womens_clothing");
var trainReviews = Scored([.. Reviews(Path.Combine(reviews, "train.tsv.gz"))]);
var train = Scored([.. Labelled(Lines(Path.Combine(goemotions, "train.tsv.gz"))).Take(count)]).Concat(trainReviews).ToList();
var dev = Scored([.. Labelled(Lines(Path.Combine(goemotions, "dev.tsv"))).Take(count)]);
var devReviews = Scored([.. Reviews(Path.Combine(reviews, "dev.tsv"))]);
var bands = Enumerable.Range(1, 18).Select(i => i * 0.05).ToList();
// A clear-cut review read as neutral is a miss too: the best band is the one with the best macro-F1 among those that leave
// at most 5 % of the clear-cut train reviews neutral.
var best = bands.Where(b => Neutral(trainReviews, b) <= 0.05).MaxBy(b => MacroF1(train, b));
Console.WriteLine($"{train.Count} train examples (GoEmotions and reviews); dev: {dev.Count} GoEmotions comments (3 classes), "
    + $"{devReviews.Count} reviews (2 classes)");
Console.WriteLine($"{"band",6} {"train macro-F1",15} {"GoEmotions dev macro-F1",24} {"reviews dev: neutral",21} {"accuracy",9}");
foreach (var band in bands)
{
    Console.WriteLine($"{band,6:0.00} {MacroF1(train, band),15:0.000} {MacroF1(dev, band),24:0.000} {100 * Neutral(devReviews, band),19:0.0} % "
        + $"{Accuracy(devReviews, band),9:0.000}" + (Math.Abs(band - best) < 1e-9 ? "   ← best on train" : ""));
}

IEnumerable<(string Text, string Label)> Reviews(string path) => Lines(path).Take(count / 2).Select(l => l.Split('\t'))
    .Select(p => (Text: p[1], Label: p[0] == "1" ? "positive" : "negative"));

IEnumerable<(string Text, string Label)> Labelled(IEnumerable<string> lines)
{
    foreach (var parts in lines.Select(l => l.Split('\t')))
    {
        var labels = parts[1].Split(',').Select(i => names[int.Parse(i)]).ToList();
        var kinds = labels.Select(l => l == "neutral" ? "neutral" : polarity.First(p => p.Value.Contains(l)).Key).Distinct().ToList();
        if (kinds.Count == 1 && kinds[0] != "ambiguous")
        {
            yield return (parts[0], kinds[0]);
        }
    }
}

List<(string Label, double Score)> Scored(List<(string Text, string Label)> examples)
{
    var results = analyzer.AnalyzeMany([.. examples.Select(e => e.Text)], [Feature.Sentiment], "en");
    return [.. examples.Select((e, i) => (e.Label, results[i].Sentiment!.Document.Score))];
}

static string Label(double score, double band) => score >= band ? "positive" : score <= -band ? "negative" : "neutral";

static double Accuracy(List<(string Label, double Score)> set, double band) => set.Average(e => Label(e.Score, band) == e.Label ? 1.0 : 0);

static double MacroF1(List<(string Label, double Score)> set, double band) => new[] { "positive", "neutral", "negative" }.Average(c =>
{
    var tp = set.Count(e => e.Label == c && Label(e.Score, band) == c);
    var predicted = set.Count(e => Label(e.Score, band) == c);
    var actual = set.Count(e => e.Label == c);
    return tp == 0 ? 0 : 2.0 * tp / (predicted + actual);
});

static double Neutral(List<(string Label, double Score)> set, double band) => set.Average(e => Label(e.Score, band) == "neutral" ? 1.0 : 0);

static IEnumerable<string> Lines(string path)
{
    using var reader = DataFile.Open(path);
    while (reader.ReadLine() is { } line)
    {
        yield return line;
    }
}
