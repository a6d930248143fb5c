#:project ../src/Hearth.Cluster/Hearth.Cluster.csproj
#:property PublishAot=false
// The Arduino node: the quantised sentiment head (384 → 2, int8) on the real ATmega328P firmware in simavr,
// through the gateway, beside the same integer arithmetic on this CPU. Prints inferences/s through the emulator,
// the firmware's own time per inference in emulated cycles (= time on a real 16 MHz Uno), and the protocol
// overhead per request (bytes, and their time on a real 500 kbaud line).
// Usage: dotnet run bench/arduino-node.cs [INFERENCES]   (default 200; needs gcc-avr, avr-libc, libsimavr-dev)
using System.Diagnostics;
using System.Runtime.InteropServices;
using Hearth.Cluster.Devices;
using Hearth.Hardware.History;
using Hearth.Text;
using Hearth.Text.Heads;
using Microsoft.Extensions.Logging.Abstractions;
using Hearth.Text.Embeddings;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var repository = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench", ".."));
var work = Directory.CreateTempSubdirectory("hearth-arduino-bench-").FullName;
using var runtime = new EncoderRuntime();
var models = new TextModels(runtime);
var head = models.Sentiment.ToInt8();
File.WriteAllText(Path.Combine(work, "weights.h"), head.CHeader("sentiment"));
Make("dense", $"WEIGHTS={work}");
Make("simavr-host");

var vectors = models.Encoder.Encode([.. Enumerable.Range(0,
    16).Select(i => $"Review number {i}: the product {(i % 2 == 0 ? "works wonderfully" : "broke within days")}.")]);
var inputs = vectors.Select(Int8Head.QuantizeInput).ToArray();
var cycles = new List<long>();
var host = Process.Start(new ProcessStartInfo(Path.Combine(work, "hearth-simavr"), [Path.Combine(work, "dense.elf")]) { RedirectStandardInput = true,
    RedirectStandardOutput = true, RedirectStandardError = true })!;
host.ErrorDataReceived += (_, e) => { if (e.Data?.StartsWith("cycles ",
    StringComparison.Ordinal) == true) { lock (cycles) { cycles.Add(long.Parse(e.Data[7..],
        System.Globalization.CultureInfo.InvariantCulture)); } } };
host.BeginErrorReadLine();
await using var gateway = new DeviceGateway(HearthDatabase.InHome(work), NullLoggerFactory.Instance);
await gateway.Connect("uno0", host.StandardOutput.BaseStream, host.StandardInput.BaseStream, CancellationToken.None);
gateway.Pair("uno0");
await gateway.InferAsync("uno0", inputs[0], CancellationToken.None); // warm-up

CycleCount(host.Id); // emulated cycle count before
await Task.Delay(100);
var watch = Stopwatch.StartNew();
var mismatches = 0;
for (var i = 0; i < count; i++)
{
    var result = await gateway.InferAsync("uno0", inputs[i % inputs.Length], CancellationToken.None);
    mismatches += result.SequenceEqual(head.Accumulate(inputs[i % inputs.Length])) ? 0 : 1;
}

var seconds = watch.Elapsed.TotalSeconds;
CycleCount(host.Id);
await Task.Delay(100);
host.Kill();

var cpu = Stopwatch.StartNew();
var cpuCount = 0;
while (cpu.ElapsedMilliseconds < 1000)
{
    head.Accumulate(inputs[cpuCount++ % inputs.Length]);
}

var requestBytes = new DevicePacket(DevicePacket.Infer, 1, new byte[1 + head.Inputs]).ToFrame().Length;
var replyBytes = new DevicePacket(DevicePacket.Result, 1, new byte[1 + (4 * head.Labels.Count)]).ToFrame().Length;
var perInference = cycles.Count == 2 ? (cycles[1] - cycles[0]) / (double)count : double.NaN;
var lineMs = (requestBytes + replyBytes) * 10 / 500_000.0 * 1000;
Console.WriteLine($"int8 dense {head.Inputs}→{head.Labels.Count} (the sentiment head), {count} inferences, results equal to the CPU reference: "
    + $"{count - mismatches}/{count}");
Console.WriteLine($"  through the emulator (simavr on this CPU, gateway, pipes): {count / seconds:N0} inferences/s ({1000 * seconds / count:N2} "
    + $"ms each)");
Console.WriteLine($"  emulated ATmega328P at 16 MHz: {perInference:N0} cycles per request = {perInference / 16_000:N2} ms of board time "
    + $"(receiving the frame at 500 kbaud, CRC, 768 MACs, reply, and idling while the host prepares the next request: an upper bound) → at least "
        + $"{16_000_000 / perInference:N0} inferences/s on a real Uno");
Console.WriteLine($"  protocol per request: {requestBytes} bytes out + {replyBytes} bytes back (COBS + CRC-16 + type + sequence: "
    + $"{requestBytes - head.Inputs - 1} + {replyBytes - (4 * head.Labels.Count) - 1} bytes of overhead) = {lineMs:N2} ms on a 500 kbaud line");
Console.WriteLine($"  anchor, the same integer arithmetic on this CPU (C#, one core): {cpuCount:N0} inferences/s → the Uno is "
    + $"{cpuCount * perInference / 16_000_000:N0}× slower");
Directory.Delete(work, recursive: true);

void Make(string project, params string[] variables)
{
    using var make = Process.Start(new ProcessStartInfo("make",
        ["-s", "-C", Path.Combine(repository, "firmware", project), $"OUT={work}", .. variables]) { RedirectStandardOutput = true })!;
    make.StandardOutput.ReadToEnd();
    make.WaitForExit();
    if (make.ExitCode != 0)
    {
        throw new InvalidOperationException($"building firmware/{project} failed: install gcc-avr avr-libc libsimavr-dev");
    }
}

// SIGUSR2 makes the emulator host print its cycle count on stderr.
void CycleCount(int pid)
{
    if (Signal(pid, 12) != 0)
    {
        throw new InvalidOperationException("cannot signal the emulator");
    }
}

[DllImport("libc", EntryPoint = "kill")]
static extern int Signal(int pid, int signal);
