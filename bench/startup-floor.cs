#:project ../src/Hearth.Text/Hearth.Text.csproj
#:property PublishAot=false
// The floor under Hearth's start-up: the process's own start, the MiniLM encoder's load and one sentence encoded, nothing
// else. Prints "SECONDS MEGABYTES" (since the process started; peak resident memory). Used by bench/startup.
using System.Diagnostics;
using Hearth.Text.Embeddings;

using var runtime = new EncoderRuntime();
runtime.Encoder.Encode(["Meet Anna in Lyon on Friday: the new GPU cluster is great."]);
using var self = Process.GetCurrentProcess();
Console.WriteLine($"{(DateTime.Now - self.StartTime).TotalSeconds:0.00} {self.PeakWorkingSet64 / 1048576}");
