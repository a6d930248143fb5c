#:project ../src/Hearth.Cluster/Hearth.Cluster.csproj
#:property PublishAot=false
// Soak: a node under mixed load for 10 minutes (analyses of 300 to 30,000 characters, live SSE streams that come and
// go, /metrics scrapes, the devices API, and two misbehaving boards that announce themselves properly, then one sends
// random bytes and the other a stream with no frame end, for the whole run), beside an idle node started the same way
// with neither load nor boards. Prints resident memory over time for both, open file descriptors and threads at start
// and end, errors and p50/p99 per endpoint, and the log lines the boards cost.
// Usage: dotnet run bench/soak.cs [SECONDS]   (default 600)
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hearth.Cluster.Devices;

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 600;
var repository = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "bench", ".."));
Run("dotnet", "build", Path.Combine(repository, "src/Hearth.Cli"), "-c", "Release", "--nologo", "-v", "quiet");
var cli = Path.Combine(repository, "src/Hearth.Cli/bin/Release/net10.0/linux-x64/Hearth.Cli.dll");
var work = Directory.CreateTempSubdirectory("hearth-soak-").FullName;

using var soaked = Node.Start(cli, work, "soaked", "--device", $"noise=exec:{Board("noise", "/bin/cat /dev/urandom")}",
    "--device", $"flood=exec:{Board("flood", "/usr/bin/yes HEARTH")}");
using var idle = Node.Start(cli, work, "idle");
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
var calls = new ConcurrentDictionary<string, ConcurrentBag<(double Ms, bool Ok)>>();
var samples = new List<(double At, long Soaked, long Idle)>();
var (fdsBefore, threadsBefore) = (soaked.Fds, soaked.Threads);
var clock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.WriteLine($"soak: {seconds} s of mixed load on {soaked.Url}, idle node beside it on {idle.Url}");

var load = new[]
{
    Loop("POST /api/analyze", i => http.PostAsJsonAsync($"{soaked.Url}/api/analyze", new { text = Document(i) }, stop.Token)),
    Loop("POST /api/analyze", i => http.PostAsJsonAsync($"{soaked.Url}/api/analyze", new { text = Document(i + 1) }, stop.Token)),
    Loop("GET /metrics", _ => http.GetAsync($"{soaked.Url}/metrics", stop.Token), pause: 250),
    Loop("GET /api/cluster/devices", _ => http.GetAsync($"{soaked.Url}/api/cluster/devices", stop.Token), pause: 1000),
    Live($"{soaked.Url}/api/samples/live"),
};
while (!stop.IsCancellationRequested)
{
    samples.Add((clock.Elapsed.TotalSeconds, soaked.Rss, idle.Rss));
    await Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None);
}

await Task.WhenAll(load);
samples.Add((clock.Elapsed.TotalSeconds, soaked.Rss, idle.Rss));

Console.WriteLine("\nresident memory (MB), every minute:");
Console.WriteLine($"  {"s",5} {"soaked",8} {"idle",8} {"ratio",6}");
foreach (var (at, mine, theirs) in samples.Where((_, i) => i % 6 == 0 || i == samples.Count - 1))
{
    Console.WriteLine($"  {at,5:0} {mine / 1024.0,8:0} {theirs / 1024.0,8:0} {(double)mine / theirs,6:0.00}");
}

var late = samples.Skip(samples.Count / 2).ToList();
Console.WriteLine($"  peak {samples.Max(s => s.Soaked) / 1024.0:0} MB (idle peak {samples.Max(s => s.Idle) / 1024.0:0} MB); second half "
    + $"{late.Min(s => s.Soaked) / 1024.0:0}–{late.Max(s => s.Soaked) / 1024.0:0} MB, growth over it "
    + $"{(late[^1].Soaked - late[0].Soaked) / 1024.0:+0;-0} MB");
Console.WriteLine($"file descriptors {fdsBefore} → {soaked.Fds}, threads {threadsBefore} → {soaked.Threads}");
Console.WriteLine("\nrequests:");
foreach (var (name, bag) in calls.OrderBy(c => c.Key))
{
    var ms = bag.Select(c => c.Ms).Order().ToArray();
    Console.WriteLine($"  {name,-32} {ms.Length,7} calls {bag.Count(c => !c.Ok),5} errors   p50 {Percentile(ms, 0.50),8:0.0} ms   "
        + $"p99 {Percentile(ms, 0.99),8:0.0} ms");
}

var lines = soaked.Lines;
var (noise, flood) = (lines.Count(l => l.Contains("device noise", StringComparison.Ordinal)),
    lines.Count(l => l.Contains("device flood", StringComparison.Ordinal)));
Console.WriteLine($"\nlog lines of the soaked node: {lines.Count} ({noise} messages about 'noise', {flood} about 'flood'); idle node: "
    + $"{idle.Lines.Count}");
Console.WriteLine($"devices: {await http.GetStringAsync($"{soaked.Url}/api/cluster/devices")}");
soaked.Dispose();
idle.Dispose();
Directory.Delete(work, recursive: true);
return;

// Calls one endpoint over and over until the end (with a pause between calls), timing each; a refused or failed call is an error.
async Task Loop(string name, Func<int, Task<HttpResponseMessage>> call, int pause = 0)
{
    var bag = calls.GetOrAdd(name, _ => []);
    for (var i = 0; !stop.IsCancellationRequested; i++)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await call(i);
            bag.Add((watch.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode));
            await Task.Delay(pause, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (HttpRequestException)
        {
            bag.Add((watch.Elapsed.TotalMilliseconds, false));
        }
    }
}

// A program that announces a board properly, then runs the command as the rest of its line.
string Board(string name, string then)
{
    var hello = new byte[16 + name.Length];
    (hello[0], hello[11], hello[14], hello[15]) = (1, DeviceHello.Int8Dense, 2, 1);
    BitConverter.TryWriteBytes(hello.AsSpan(1), (ushort)2048);
    BitConverter.TryWriteBytes(hello.AsSpan(3), 32768u);
    BitConverter.TryWriteBytes(hello.AsSpan(12), (ushort)384);
    System.Text.Encoding.ASCII.GetBytes(name, hello.AsSpan(16));
    var frame = Path.Combine(work, name + ".hello");
    File.WriteAllBytes(frame, [.. new DevicePacket(DevicePacket.Hello, DevicePacket.UnknownSequence, hello).ToFrame()]);
    var script = Path.Combine(work, name + ".sh");
    File.WriteAllText(script, $"#!/bin/sh\n/bin/cat {frame}\nexec {then}\n");
    File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    return script;
}

// A document of 300, 3,000 or 30,000 characters.
static string Document(int i) => string.Concat(Enumerable.Repeat(
    $"Review {i}: Anna bought this jacket in Lyon for 120 euros and the zip broke after a week; customer service at Acme was kind "
    + "but slow. Still, the fabric is lovely and I would buy it again. ", (int)Math.Pow(10, i % 3) * 2));

// Opens the live stream, reads it for 20 s, then hangs up (a dashboard tab that is closed), over and over; the time is
// to its first event, and a stream without events is an error.
async Task Live(string url)
{
    var bag = calls.GetOrAdd("GET /api/samples/live (first event)", _ => []);
    while (!stop.IsCancellationRequested)
    {
        var watch = Stopwatch.StartNew();
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        window.CancelAfter(TimeSpan.FromSeconds(20));
        double? first = null;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, window.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(window.Token));
            while (await reader.ReadLineAsync(window.Token) is not null)
            {
                first ??= watch.Elapsed.TotalMilliseconds;
            }
        }
        catch (OperationCanceledException)
        {
            // the tab is closed, or the soak is over
        }
        catch (HttpRequestException)
        {
        }

        if (!stop.IsCancellationRequested || first is not null)
        {
            bag.Add((first ?? watch.Elapsed.TotalMilliseconds, first is not null));
        }
    }
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];

static void Run(string program, params string[] arguments)
{
    using var process = Process.Start(program, arguments);
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}");
    }
}

/// <summary>A <c>hearth up</c> process in its own home and on its own ports, its output kept.</summary>
internal sealed partial class Node : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private bool disposed;

    private Node(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (Url is null)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("the node did not start:\n" + string.Join('\n', lines));
            }

            Url = lines.Select(l => Address().Match(l)).FirstOrDefault(m => m.Success)?.Value;
            Thread.Sleep(100);
        }
    }

    public string? Url { get; }

    public IReadOnlyList<string> Lines => [.. lines];

    public long Rss => Status("VmRSS");

    public long Threads => Status("Threads");

    public int Fds => Directory.GetFiles($"/proc/{process.Id}/fd").Length;

    public static Node Start(string cli, string work, string name, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[cli, "up", "--port", "0", "--silo-port", Free(), "--gateway-port", Free(), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HEARTH_HOME"] = Directory.CreateDirectory(Path.Combine(work, name)).FullName;
        start.Environment["COLUMNS"] = "500";
        return new Node(Process.Start(start)!);
    }

    private static string Free()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private long Status(string field) => long.Parse(File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field + ":",
        StringComparison.Ordinal)).Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
