using Hearth.Hardware.History;
using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Tests.Telemetry;

public sealed class TelemetryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
    private readonly string home = Directory.CreateTempSubdirectory("hearth-telemetry-").FullName;

    [Fact]
    public void Recent_history_is_kept_at_one_second_and_older_history_as_minute_averages_and_maxima()
    {
        using var store = new TelemetryStore(HearthDatabase.InHome(home), RetentionPolicy.Default);
        // 2 hours at 1 Hz: gpu0.util is 0 for the first 30 s of every minute, 100 for the last 30 s.
        store.Append([.. Enumerable.Range(0, 7200).Select(s => Snapshot(s, ("gpu0.util", s % 60 < 30 ? 0 : 100), ("cpu.temp", null)))]);
        var now = Start.AddSeconds(7199);

        var raw = store.Range("gpu0.util", now.AddMinutes(-10), now, now);
        var old = store.Range("gpu0.util", Start, Start.AddMinutes(10), now);

        Assert.Equal(601, raw.Count);
        Assert.Equal(1, (raw[1].At - raw[0].At).TotalSeconds);
        Assert.Equal(11, old.Count);
        Assert.All(old, p => Assert.Equal(50, p.Value));
        Assert.Empty(store.Range("cpu.temp", Start, now, now)); // a sensor that is not exposed stores nothing
        Assert.Equal(["gpu0.util"], store.SeriesNames());
    }

    [Fact]
    public void Raw_samples_older_than_the_retention_are_dropped_so_the_file_stays_bounded()
    {
        var retention = new RetentionPolicy(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromDays(1));
        using var store = new TelemetryStore(HearthDatabase.InHome(home), retention);
        store.Append([.. Enumerable.Range(0, 3 * 3600).Select(s => Snapshot(s, ("cpu.util", s / 3600 * 10)))]);
        var now = Start.AddSeconds(3 * 3600 - 1);

        Assert.InRange(Count("samples_1s"), 300, 301);
        Assert.InRange(Count("samples_1m"), 28, 30);
        Assert.Equal(301, store.Range("cpu.util", now.AddMinutes(-5), now, now).Count);
        var minutes = store.Range("cpu.util", now.AddMinutes(-29), now, now.AddMinutes(1));
        Assert.InRange(minutes.Count, 28, 30);
        var hours = store.Range("cpu.util", Start, now, now.AddDays(0.5));
        Assert.Equal([0.0, 10.0], hours.Select(h => h.Value!.Value)); // the third hour is not finished
    }

    private long Count(string table)
    {
        using var db = HearthDatabase.InHome(home).Open("");
        using var count = db.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)count.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(home, recursive: true);
    }

    private static TelemetrySnapshot Snapshot(int second, params (string Name, double? Value)[] values) =>
        new(Start.AddSeconds(second), values.ToDictionary(v => v.Name, v => v.Value), []);
}
