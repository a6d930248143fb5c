using Hearth.Hardware.Telemetry;
using Microsoft.Data.Sqlite;

namespace Hearth.Hardware.History;

/// <summary>
/// Telemetry history in SQLite, downsampled so the file stays bounded: raw 1 s samples, then 1 min and
/// 1 h averages and maxima, each kept as long as the <see cref="RetentionPolicy"/> says. Sensors that are
/// not exposed store nothing (never 0).
/// </summary>
public sealed class TelemetryStore(HearthDatabase database, RetentionPolicy retention) : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE IF NOT EXISTS samples_1s (series INTEGER NOT NULL, t INTEGER NOT NULL, v REAL NOT NULL, PRIMARY KEY (series, t)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS samples_1m (series INTEGER NOT NULL, t INTEGER NOT NULL, v REAL NOT NULL, max REAL NOT NULL,
            PRIMARY KEY (series, t)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS samples_1h (series INTEGER NOT NULL, t INTEGER NOT NULL, v REAL NOT NULL, max REAL NOT NULL,
            PRIMARY KEY (series, t)) WITHOUT ROWID;
        """;

    private readonly Lock gate = new();
    private readonly Dictionary<string, long> seriesIds = [];
    private SqliteConnection? connection;
    private long compactedUpTo; // unix seconds: every whole minute before this is in samples_1m

    /// <summary>Appends one snapshot, folding finished minutes and hours into the coarser tables.</summary>
    public void Append(TelemetrySnapshot snapshot) => Append([snapshot]);

    /// <summary>Appends many snapshots in one transaction (history imports, generated series).</summary>
    public void Append(IReadOnlyList<TelemetrySnapshot> snapshots)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            var db = Connection();
            using var transaction = db.BeginTransaction();
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT OR REPLACE INTO samples_1s (series, t, v) VALUES ($s, $t, $v)";
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            var t = insert.Parameters.Add("$t", SqliteType.Integer);
            var v = insert.Parameters.Add("$v", SqliteType.Real);
            foreach (var snapshot in snapshots)
            {
                t.Value = snapshot.At.ToUnixTimeSeconds();
                foreach (var (name, value) in snapshot.Values)
                {
                    if (value is { } number && double.IsFinite(number))
                    {
                        s.Value = SeriesId(db, name);
                        v.Value = number;
                        insert.ExecuteNonQuery();
                    }
                }
            }

            Compact(db, snapshots[^1].At.ToUnixTimeSeconds());
            transaction.Commit();
        }
    }

    /// <summary>
    /// The series between two times, at the finest resolution still kept for <paramref name="from"/>
    /// (1 s within the raw retention, then 1 min, then 1 h averages).
    /// </summary>
    public IReadOnlyList<TimedValue> Range(string name, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var table = $"samples_{Resolution(from, now)}";
        lock (gate)
        {
            using var query = Connection().CreateCommand();
            query.CommandText = $"SELECT t, v FROM {table} WHERE series = (SELECT id FROM series WHERE name = $name) AND t >= $from AND t <= $to "
                + $"ORDER BY t";
            query.Parameters.AddWithValue("$name", name);
            query.Parameters.AddWithValue("$from", from.ToUnixTimeSeconds());
            query.Parameters.AddWithValue("$to", to.ToUnixTimeSeconds());
            using var reader = query.ExecuteReader();
            var points = new List<TimedValue>();
            while (reader.Read())
            {
                points.Add(new TimedValue(DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(0)), reader.GetDouble(1)));
            }

            return points;
        }
    }

    /// <summary>The resolution <see cref="Range"/> answers with for a range starting at <paramref name="from"/>: "1s", "1m" or "1h".</summary>
    public string Resolution(DateTimeOffset from, DateTimeOffset now) =>
        from >= now - retention.Seconds ? "1s" : from >= now - retention.Minutes ? "1m" : "1h";

    public IReadOnlyList<string> SeriesNames()
    {
        lock (gate)
        {
            using var query = Connection().CreateCommand();
            query.CommandText = "SELECT name FROM series ORDER BY name";
            using var reader = query.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
    }

    public void Dispose() => connection?.Dispose();

    private SqliteConnection Connection() => connection ??= database.Open(Schema);

    private long SeriesId(SqliteConnection db, string name)
    {
        if (seriesIds.TryGetValue(name, out var id))
        {
            return id;
        }

        using var upsert = db.CreateCommand();
        upsert.CommandText = "INSERT INTO series (name) VALUES ($name) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id";
        upsert.Parameters.AddWithValue("$name", name);
        return seriesIds[name] = (long)upsert.ExecuteScalar()!;
    }

    /// <summary>Folds every finished minute (and hour) into the coarser table, then drops what the policy no longer keeps.</summary>
    private void Compact(SqliteConnection db, long now)
    {
        var minute = now / 60 * 60;
        if (minute <= compactedUpTo)
        {
            return;
        }

        var from = compactedUpTo == 0 ? 0 : compactedUpTo;
        Execute(db, "INSERT OR REPLACE INTO samples_1m SELECT series, t / 60 * 60, avg(v), max(v) FROM samples_1s WHERE t >= $from AND t < $to "
            + "GROUP BY series, t / 60", from, minute);
        var hour = now / 3600 * 3600;
        if (hour > from / 3600 * 3600)
        {
            Execute(db, "INSERT OR REPLACE INTO samples_1h SELECT series, t / 3600 * 3600, avg(v), max(max) FROM samples_1m WHERE t >= $from AND "
                + "t < $to GROUP BY series, t / 3600", from / 3600 * 3600, hour);
        }

        Execute(db, "DELETE FROM samples_1s WHERE t < $from", now - (long)retention.Seconds.TotalSeconds, 0);
        Execute(db, "DELETE FROM samples_1m WHERE t < $from", now - (long)retention.Minutes.TotalSeconds, 0);
        Execute(db, "DELETE FROM samples_1h WHERE t < $from", now - (long)retention.Hours.TotalSeconds, 0);
        compactedUpTo = minute;
    }

    private static void Execute(SqliteConnection db, string sql, long from, long to)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        command.ExecuteNonQuery();
    }
}
