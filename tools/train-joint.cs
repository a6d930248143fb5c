#:project ../src/Hearth.Learning/Hearth.Learning.csproj
#:property PublishAot=false
// Trains Hearth's joint model: one MiniLM encoder fine-tuned for names, parts of speech, sentiment and emotion at once
// (multi-task), so that one encoder pass serves every task. Data: the public corpora of ../shared/data (train splits;
// figures on their dev splits, never on a test split). Writes OUT/weights.bin (encoder and the four heads, "task/…")
// and OUT/figures-EPOCH.json after every epoch, and resumes from OUT/checkpoint.bin. Once every epoch is done, it writes the
// model Hearth ships (src/Hearth.Learning/Models/joint: card.json and weights.bin in 8-bit blocks).
// Usage: dotnet run -c Release tools/train-joint.cs OUT [EPOCHS] [SCALE]   (SCALE < 1 takes part of each corpus: a quick run)
using System.Globalization;
using System.Text.Json;
using Hearth.Learning.Data;
using Hearth.Learning.Evaluation;
using Hearth.Learning.Heads;
using Hearth.Learning.Models;
using Hearth.Learning.Serving;
using Hearth.Learning.Training;
using Hearth.Text.Embeddings;

var data = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "tools", "..", "..", "shared", "data"));
var output = Directory.CreateDirectory(args[0]).FullName;
var epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var scale = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0;
string File(string path) => Path.Combine(data, path);
List<T> Take<T>(IEnumerable<T> items, int count) // a sample drawn by a fixed seed: the same every run
{
    var random = new Random(7);
    return [.. items.OrderBy(_ => random.Next()).Take((int)(count * scale))];
}

using var encoder = new MiniLmEncoder();
var pieces = new WordPieces(encoder.Tokenize);
int[] Tokens(string text) => [.. encoder.Tokenize(text).Select(id => (int)id)];
var model = ModelStore.LoadBase();
var hidden = model.Config.Hidden;

// Names: Wikipedia (wikigold, Re-DocRED), tweets (BTC), social media (WNUT-17 mapped to PER/ORG/LOC/MISC).
string[] nerFiles = ["ner_wikigold/train.conll", "ner_redocred/train.conll.gz", "ner_btc/train.conll", "wnut17/train.conll"];
var ner = nerFiles.SelectMany(f => TaggedSentences.Read(File(f), bio: true)).ToList();
ner = Take(ner, ner.Count);
var nerTags = ner.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
var tagger = new TokenTagger(nerTags, hidden, seed: 1);
var nerExamples = ner.SelectMany(s => TaggerInput.Windows(s.Words, pieces, [.. s.Tags.Select(t => nerTags.IndexOf(t))])).ToList();

// Parts of speech: UD English-EWT train (UPOS).
var pos = Take(TaggedSentences.Read(File("ud_en_ewt/train.conllu.gz"), bio: false), 12_544);
var upos = pos.SelectMany(s => s.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
var posTagger = new TokenTagger(upos, hidden, seed: 2);
var posExamples = pos.SelectMany(s => TaggerInput.Windows(s.Words, pieces, [.. s.Tags.Select(t => upos.IndexOf(t))])).ToList();

// Emotion: GoEmotions train (27 emotions and neutral, multi-label), a sample of the 43,410 comments.
var emotionNames = System.IO.File.ReadAllLines(File("goemotions/emotions.txt")).Where(l => l.Length > 0).ToArray();
IEnumerable<LabelledText> GoEmotions(string path)
{
    using var reader = DataFile.Open(path);
    var items = new List<LabelledText>();
    for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
    {
        var columns = line.Split('\t');
        var labels = columns[1].Split(',').Select(i => emotionNames[int.Parse(i, CultureInfo.InvariantCulture)]);
        items.Add(new LabelledText(columns[0], string.Join(',', labels)));
    }

    return items;
}

var emotionTrain = Take(GoEmotions(File("goemotions/train.tsv.gz")), 16_000);
var emotionHead = new SentenceHead(emotionNames, hidden, seed: 3, Objective.MultiLabel);
var emotionExamples = emotionTrain.Select(e => (Tokens(e.Text), ClassifierEvaluation.Target(emotionHead, e))).ToList();

// Sentiment: short clothing reviews (stars), poem verses, and GoEmotions comments whose emotions are all positive or all negative.
var polarity = JsonSerializer.Deserialize<Dictionary<string, string[]>>(System.IO.File.ReadAllText(File("goemotions/sentiment_dict.json")))!;
string? Polarity(LabelledText e) => e.Labels.All(polarity["positive"].Contains) ? "1" : e.Labels.All(polarity["negative"].Contains) ? "0" : null;
var sentimentTrain = Take(LabelledTexts.Read(File("reviews_womens_clothing/train.tsv.gz")).Where(e => e.Text.Length < 300), 7_000)
    .Concat(LabelledTexts.Read(File("poem_sentiment/train.binary.tsv")))
    .Concat(Take(GoEmotions(File("goemotions/train.tsv.gz")).Skip(20_000).Select(e => Polarity(e) is { } p ? e with { Label = p } : null)
        .OfType<LabelledText>(), 6_000)).ToList();
var sentimentHead = new SentenceHead(["0", "1"], hidden, seed: 4);
var sentimentExamples = sentimentTrain.Select(e => (Tokens(e.Text), ClassifierEvaluation.Target(sentimentHead, e))).ToList();

TrainingTask[] tasks =
[
    new TrainingTask<TaggedWords>("ner", tagger, nerExamples),
    new TrainingTask<TaggedWords>("pos", posTagger, posExamples),
    new TrainingTask<float[]>("sentiment", sentimentHead, sentimentExamples),
    new TrainingTask<float[]>("emotion", emotionHead, emotionExamples),
];
long CountTokens<T>(IEnumerable<(int[] Tokens, T)> examples) => examples.Sum(e => (long)e.Tokens.Length);
Console.WriteLine($"ner {nerExamples.Count:N0} windows {CountTokens(nerExamples):N0} tokens; "
    + $"pos {posExamples.Count:N0} / {CountTokens(posExamples):N0}; sentiment {sentimentExamples.Count:N0} / {CountTokens(sentimentExamples):N0}; "
    + $"emotion {emotionExamples.Count:N0} / {CountTokens(emotionExamples):N0}");

var trainer = new Trainer(model, tasks, new TrainingOptions(epochs, BatchSize: 16, LearningRate: 5e-5, TopLayers: 6, Seed: 42));
var checkpoint = Path.Combine(output, "checkpoint.bin");
if (System.IO.File.Exists(checkpoint))
{
    trainer.RestoreCheckpoint(checkpoint);
}

var dev = new
{
    News = TaggedSentences.Read(File("ner_wikigold/dev.conll"), bio: true),
    Web = TaggedSentences.Read(File("ner_uner_en_ewt/dev.conll"), bio: true),
    Tweets = TaggedSentences.Read(File("ner_btc/dev.conll"), bio: true),
    Pos = TaggedSentences.Read(File("ud_en_ewt/dev.conllu.gz"), bio: false),
    Clothing = LabelledTexts.Read(File("reviews_womens_clothing/dev.tsv")),
    Poems = LabelledTexts.Read(File("poem_sentiment/dev.binary.tsv")),
    Emotion = GoEmotions(File("goemotions/dev.tsv")).ToList(),
};
var ekman = JsonSerializer.Deserialize<Dictionary<string, string[]>>(System.IO.File.ReadAllText(File("goemotions/ekman_mapping.json")))!;
string[] five = ["anger", "disgust", "fear", "joy", "sadness"];

while (trainer.EpochsDone < epochs)
{
    var (clock, tokens, step) = (System.Diagnostics.Stopwatch.StartNew(), 0L, 0);
    var loss = trainer.Epoch((batchTokens, _) =>
    {
        (tokens, step) = (tokens + batchTokens, step + 1);
        if (step % 200 == 0)
        {
            Console.WriteLine($"  step {step}/{trainer.Steps}, {tokens / clock.Elapsed.TotalSeconds:N0} tokens/s");
        }
    });
    trainer.SaveCheckpoint(checkpoint);
    var figures = new Dictionary<string, double>
    {
        ["epoch"] = trainer.EpochsDone, ["loss"] = loss, ["tokensPerSecond"] = tokens / clock.Elapsed.TotalSeconds,
    };
    (string, IReadOnlyList<TaggedSentence>)[] nerSets = [("news", dev.News), ("web", dev.Web), ("tweets", dev.Tweets)];
    foreach (var (name, set) in nerSets)
    {
        var report = TaggingEvaluation.Evaluate(model, tagger, pieces, set);
        figures[$"ner.{name}.f1"] = report.F1;
    }

    figures["pos.upos"] = TaggingEvaluation.Evaluate(model, posTagger, pieces, dev.Pos).Accuracy;
    figures["sentiment.clothing"] = ClassifierEvaluation.Evaluate(model, sentimentHead, Tokens, dev.Clothing).Classes!.Accuracy;
    figures["sentiment.poems"] = ClassifierEvaluation.Evaluate(model, sentimentHead, Tokens, dev.Poems).Classes!.Accuracy;
    var single = dev.Emotion.Select(e => (e.Text, Ekman: e.Labels.Select(l => five.FirstOrDefault(k => ekman[k].Contains(l))).Distinct().ToList()))
        .Where(e => e.Ekman is [not null]).ToList();
    var probabilities = ClassifierEvaluation.Logits(model, emotionHead, Tokens, [.. single.Select(e => e.Text)]).Select(emotionHead.Output).ToList();
    var predicted = probabilities.Select(p => five.MaxBy(k => ekman[k].Max(l => p[Array.IndexOf(emotionNames, l)]))!).ToList();
    var ekmanReport = ClassificationReport.Score(five, [.. single.Select((e, i) => (e.Text, e.Ekman[0]!, predicted[i], 1.0))]);
    figures["emotion.ekman5.accuracy"] = ekmanReport.Accuracy;
    figures["emotion.ekman5.macroF1"] = ekmanReport.MacroF1;
    figures["emotion.ekman5.majority"] = single.GroupBy(e => e.Ekman[0]).Max(g => g.Count()) / (double)single.Count;
    figures["emotion.goemotions.macroF1"] = ClassifierEvaluation.Evaluate(model, emotionHead, Tokens, dev.Emotion).Labels!.MacroF1;

    ParameterFile.Write(Path.Combine(output, "weights.bin"), model.Parameters.Where(p => p.Trainable).Select(p => (p.Name, p.Value))
        .Concat(tasks.SelectMany(t => t.Head.Parameters.Select(p => (t.Name + "/" + p.Name, p.Value)))));
    System.IO.File.WriteAllText(Path.Combine(output, $"figures-{trainer.EpochsDone}.json"), JsonSerializer.Serialize(figures) + "\n");
    Console.WriteLine(string.Join(", ", figures.Select(f => $"{f.Key} {f.Value:0.###}")));
}

// The shipped model: the last epoch's weights in 8-bit blocks (a quarter of the size), and its card.
var shipped = Directory.CreateDirectory(Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "tools", "..",
    "src", "Hearth.Learning", "Models", "joint"))).FullName;
// The word embeddings (11.7 M values, half the model) stay the base model's: with them the checkout would not fit what
// travels to the GPU machine (64 MiB with Hearth's self-contained build). The shipped model is the one the bench measures.
var sha = ParameterFile.Write(Path.Combine(shipped, "weights.bin"), ParameterFile.Read(Path.Combine(output, "weights.bin"), null)
    .Where(t => t.Key != model.WordEmbeddings.Name).Select(t => (t.Key, t.Value)), quantized: true);
var last = JsonSerializer.Deserialize<Dictionary<string, double>>(System.IO.File.ReadAllText(Path.Combine(output, $"figures-{epochs}.json")))!;
var card = new JointCard(
    [
        new JointTask("ner", true, nerTags), new JointTask("pos", true, upos),
        new JointTask("sentiment", false, sentimentHead.Labels), // its neutral band: bench/sentiment-neutral-band.cs calibrates it after
        new JointTask("emotion", false, emotionNames, Objective.MultiLabel),
    ],
    [.. nerFiles.Concat(["ud_en_ewt/train.conllu.gz", "reviews_womens_clothing/train.tsv.gz", "poem_sentiment/train.binary.tsv",
        "goemotions/train.tsv.gz"]).Select(f => "shared/data/" + f)],
    last, sha);
System.IO.File.WriteAllText(Path.Combine(shipped, "card.json"), JsonSerializer.Serialize(card, Hearth.Hardware.HearthJson.Options) + "\n");
Console.WriteLine($"wrote {shipped} ({new FileInfo(Path.Combine(shipped, "weights.bin")).Length / 1_000_000} MB); now calibrate its "
    + "neutral band: dotnet run -c Release bench/sentiment-neutral-band.cs, and write it in card.json (sentiment's neutralBand)");
