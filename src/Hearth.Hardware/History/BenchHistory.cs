using System.Globalization;
using Hearth.Hardware.Bench;
using Microsoft.Data.Sqlite;

namespace Hearth.Hardware.History;

/// <summary>Every benchmark run, appended to Hearth's SQLite database.</summary>
public sealed class BenchHistory(HearthDatabase database)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS bench_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            host TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS bench_figures (
            run_id INTEGER NOT NULL REFERENCES bench_runs(id),
            device TEXT NOT NULL,
            metric TEXT NOT NULL,
            size INTEGER NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            percent_of_peak REAL,
            engine TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS bench_figures_run ON bench_figures(run_id);
        """;


    /// <summary>Appends a run and returns its id.</summary>
    public long Append(BenchResult result)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var run = connection.CreateCommand();
        run.CommandText = "INSERT INTO bench_runs (started_at, host) VALUES ($at, $host); SELECT last_insert_rowid();";
        run.Parameters.AddWithValue("$at", HearthDatabase.TimeText(result.StartedAt));
        run.Parameters.AddWithValue("$host", result.Host);
        var id = (long)run.ExecuteScalar()!;
        foreach (var f in result.Figures)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bench_figures VALUES ($run, $device, $metric, $size, $value, $unit, $peak, $engine)";
            insert.Parameters.AddWithValue("$run", id);
            insert.Parameters.AddWithValue("$device", f.Device);
            insert.Parameters.AddWithValue("$metric", f.Metric);
            insert.Parameters.AddWithValue("$size", f.Size);
            insert.Parameters.AddWithValue("$value", f.Value);
            insert.Parameters.AddWithValue("$unit", f.Unit);
            insert.Parameters.AddWithValue("$peak", (object?)f.PercentOfPeak ?? DBNull.Value);
            insert.Parameters.AddWithValue("$engine", f.Engine);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return id;
    }

    /// <summary>The figures of the run before <paramref name="runId"/>, or null when it is the first.</summary>
    public IReadOnlyList<BenchFigure>? Previous(long runId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT device, metric, size, value, unit, percent_of_peak, engine FROM bench_figures
            WHERE run_id = (SELECT MAX(id) FROM bench_runs WHERE id < $id)
            """;
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var figures = new List<BenchFigure>();
        while (reader.Read())
        {
            figures.Add(new(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetString(6)));
        }

        return figures.Count == 0 ? null : figures;
    }

    /// <summary>The figures of the newest run, or null when there is none.</summary>
    public IReadOnlyList<BenchFigure>? Latest() => Previous(long.MaxValue);

    public int Count()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM bench_runs";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open() => database.Open(Schema);
}
