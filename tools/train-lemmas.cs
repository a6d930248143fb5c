#:project ../src/Hearth.Text/Hearth.Text.csproj
#:property PublishAot=false
// Learns Hearth's lemma table from the UD English-EWT treebank's train split (../shared/data/ud_en_ewt, CC BY-SA 4.0:
// the table is a derivative and keeps that license) and writes src/Hearth.Text/Models/lemmas.tsv; prints the lemma
// accuracy on the dev split, from gold parts of speech. Usage: dotnet run -c Release tools/train-lemmas.cs
using System.IO.Compression;
using Hearth.Text.Syntax;

var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "tools";
var data = Path.GetFullPath(Path.Combine(here, "..", "..", "shared", "data", "ud_en_ewt"));
var output = Path.GetFullPath(Path.Combine(here, "..", "src", "Hearth.Text", "Models", "lemmas.tsv"));

static IEnumerable<(string Word, string Tag, string Lemma)> Words(string path)
{
    using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
    for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
    {
        var fields = line.Split('\t');
        if (fields.Length == 10 && int.TryParse(fields[0], out _)) // not comments, multiword ranges (1-2) or empty nodes (1.1)
        {
            yield return (fields[1], fields[3], fields[2]);
        }
    }
}

var lemmatizer = Lemmatizer.Learn(Words(Path.Combine(data, "train.conllu.gz")));
using (var writer = new StreamWriter(output))
{
    lemmatizer.Save(writer);
}

var dev = Words(Path.Combine(data, "dev.conllu.gz")).ToList();
var right = dev.Count(w => lemmatizer.Lemma(w.Word, w.Tag) == w.Lemma);
Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024} KB); dev lemma accuracy from gold tags {right / (double)dev.Count:0.0000} "
    + $"({right} of {dev.Count} words)");
foreach (var miss in dev.Where(w => lemmatizer.Lemma(w.Word, w.Tag) != w.Lemma).Take(25))
{
    Console.WriteLine($"  {miss.Word}/{miss.Tag}: {lemmatizer.Lemma(miss.Word, miss.Tag)} (expected {miss.Lemma})");
}
