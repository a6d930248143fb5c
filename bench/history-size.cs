#:project ../src/Hearth.Hardware/Hearth.Hardware.csproj
// A week of 1 Hz telemetry for 2 CPU cores + 1 GPU (20 series) written through Hearth's real TelemetryStore
// (downsampling and retention included), then the size of the SQLite file. Target: under 50 MB.
// Usage: dotnet run bench/history-size.cs [DAYS]
using System.Diagnostics;
using Hearth.Hardware.History;
using Hearth.Hardware.Telemetry;

var days = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
string[] names =
[
    "cpu.util", "cpu.load1", "cpu.mem_used", "cpu.mem_total", "cpu.temp", "cpu.power", "cpu0.util", "cpu0.freq", "cpu1.util", "cpu1.freq",
    "gpu0.util", "gpu0.mem_util", "gpu0.sm_clock", "gpu0.mem_used", "gpu0.mem_total", "gpu0.temp", "gpu0.power", "gpu0.energy", "gpu0.pstate",
        "gpu0.throttle",
];
var home = Directory.CreateTempSubdirectory("hearth-history-size-").FullName;
var database = HearthDatabase.InHome(home);
using var store = new TelemetryStore(database, RetentionPolicy.Default);
var random = new Random(1);
var start = DateTimeOffset.UtcNow.AddDays(-days);
var seconds = (int)(days * 86400);
var watch = Stopwatch.StartNew();
var batch = new List<TelemetrySnapshot>(600);
for (var s = 0; s < seconds; s++)
{
    // Plausible, noisy values: compression-friendly series would flatter the figure.
    batch.Add(new TelemetrySnapshot(start.AddSeconds(s), names.ToDictionary(n => n, _ => (double?)(random.NextDouble() * 100)), []));
    if (batch.Count == batch.Capacity)
    {
        store.Append(batch);
        batch.Clear();
    }
}

store.Append(batch);
var elapsed = watch.Elapsed;
store.Dispose();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
var bytes = Directory.EnumerateFiles(home).Sum(f => new FileInfo(f).Length);
Console.WriteLine($"{days} days of 1 Hz history, {names.Length} series (2 CPU cores + 1 GPU): {bytes / 1e6:0.0} MB on disk (hearth.db + WAL), "
    + $"target < 50 MB");
Console.WriteLine($"  {seconds:N0} ticks written in {elapsed.TotalSeconds:0} s ({seconds / elapsed.TotalSeconds:N0} ticks/s); retention: 1 s for "
    + $"1 h, 1 min for 7 days, 1 h for 365 days");
Directory.Delete(home, recursive: true);
