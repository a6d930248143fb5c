#:project ../src/Hearth.Text/Hearth.Text.csproj
#:property PublishAot=false
// How often short English sentences are read as another language, with the detector alone and with the fallback to the
// default language below a confidence, and Hearth's rule (LanguageDetector.Detect), on public English dev sets nobody here wrote
// (../shared/data: UNER EWT, WikiGold, Re-DocRED, BTC, WNUT-17), beside the French sentences of bench/data (which must
// stay French). Usage: dotnet run bench/language-fallback.cs
using System.Globalization;
using Hearth.Text.Language;

var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench";
var shared = Path.GetFullPath(Path.Combine(here, "..", "..", "shared", "data"));
var detector = new LanguageDetector();
var sets = new[] { "ner_uner_en_ewt", "ner_wikigold", "ner_redocred", "ner_btc", "wnut17" }
    .ToDictionary(s => s, s => Sentences(Path.Combine(shared, s, "dev.conll")).ToList());
var french = Directory.GetFiles(Path.Combine(here, "data"), "sentiment-*.tsv").SelectMany(File.ReadLines)
    .Where(l => !l.StartsWith('#') && l.Any(c => "éèêàçù".Contains(c))).Select(l => l.Split('\t')[^1]).ToList();
double[] thresholds = [0.4, 0.5, 0.6, 0.7, 0.8];
Console.WriteLine($"share of sentences not read as English; fallback to en below a confidence; Hearth: below {LanguageDetector.MinimumConfidence}"
    + $" or under {LanguageDetector.MinimumCommonWords} words in lower case");
Console.WriteLine($"{"set",-16} {"sentences",9} {"detector alone",15} {string.Join(" ", thresholds.Select(t => $"{$"below {t}",11}"))} {"Hearth",8}");
foreach (var (name, sentences) in sets)
{
    var raw = sentences.Select(detector.DetectRaw).ToList();
    Console.WriteLine($"{name,-16} {sentences.Count,9} {Share(raw.Count(g => g.Code != "en"), raw.Count),15} "
        + string.Join(" ", thresholds.Select(t => $"{Share(raw.Count(g => g.Code != "en" && g.Confidence >= t), raw.Count),11}"))
        + $" {Share(sentences.Count(s => detector.Detect(s).Code != "en"), raw.Count),8}");
}

var frenchRaw = french.Select(detector.DetectRaw).ToList();
Console.WriteLine($"{"French (bench)",-16} {french.Count,9} {$"{frenchRaw.Count(g => g.Code == "fr")} French",15} "
    + string.Join(" ", thresholds.Select(t => $"{$"{frenchRaw.Count(g => g.Code == "fr" && g.Confidence >= t)} French",11}"))
    + $" {$"{french.Count(s => detector.Detect(s).Code == "fr")} French",8}");
Console.WriteLine($"French confidence: lowest {frenchRaw.Min(g => g.Confidence):0.00}");

// Hearth asks Lingua's trigram model first and loads the full one only for short texts the trigrams are unsure of.
Lingua.Language[] seven = [Lingua.Language.English, Lingua.Language.French, Lingua.Language.German, Lingua.Language.Spanish,
    Lingua.Language.Italian, Lingua.Language.Portuguese, Lingua.Language.Dutch];
var trigrams = Lingua.LanguageDetectorBuilder.FromLanguages(seven).WithLowAccuracyMode().Build();
var full = Lingua.LanguageDetectorBuilder.FromLanguages(seven).Build();
var every = sets.Values.SelectMany(s => s).Concat(french).ToList();
var escalated = every.Count(s => trigrams.ComputeLanguageConfidenceValues(s).MaxBy(c => c.Value) is var (l, c)
    && (l != Lingua.Language.English || c < LanguageDetector.SureEnough));
var same = every.Count(s => trigrams.DetectLanguageOf(s) == full.DetectLanguageOf(s));
Console.WriteLine($"texts on which Hearth loads Lingua's full model: {Share(escalated, every.Count)} of {every.Count}; "
    + $"texts where the trigram model and the full one agree: {Share(same, every.Count)}");

static string Share(int part, int all) => $"{100.0 * part / Math.Max(1, all):0.0} %";

static IEnumerable<string> Sentences(string conll)
{
    var words = new List<string>();
    foreach (var line in File.ReadLines(conll).Append(""))
    {
        if (line.Trim().Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
        {
            if (words.Count > 0)
            {
                yield return string.Join(' ', words);
            }

            words.Clear();
        }
        else
        {
            words.Add(line.Split('\t', ' ')[0]);
        }
    }
}
