#:project ../src/Hearth.Text/Hearth.Text.csproj
#:property PublishAot=false
// Trains Hearth's heads on the shipped training sets (src/Hearth.Text/Models/*.tsv) and writes the weights Hearth ships
// (src/Hearth.Text/Models/heads.json), so that no process trains at start-up. Run it after changing a training set; a test
// fails until it is run. Usage: dotnet run tools/train-heads.cs
using Hearth.Text;
using Hearth.Text.Embeddings;

var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "tools";
var output = Path.GetFullPath(Path.Combine(here, "..", ShippedHeads.File));
using var encoder = new MiniLmEncoder();
File.WriteAllText(output, ShippedHeads.Train(encoder).ToJson() + "\n");
Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1024} KB), trained on the sets {ShippedHeads.CurrentTrainingSets()[..12]}…");
