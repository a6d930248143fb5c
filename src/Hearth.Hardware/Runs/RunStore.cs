using Hearth.Hardware.History;
using Microsoft.Data.Sqlite;

namespace Hearth.Hardware.Runs;

/// <summary>Jobs in Hearth's SQLite database: <c>hearth run</c> writes them, <c>hearth up</c> shows and watches them.</summary>
public sealed class RunStore(HearthDatabase database)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            command TEXT NOT NULL,
            expect TEXT,
            pid INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            exit_code INTEGER,
            verdict TEXT,
            expectation_met INTEGER);
        """;

    private const string Columns = "id, command, expect, pid, started_at, ended_at, exit_code, verdict, expectation_met";

    public long Start(string command, string? expect, int pid, DateTimeOffset at)
    {
        using var db = database.Open(Schema);
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO jobs (command, expect, pid, started_at) VALUES ($command, $expect, $pid, $at) RETURNING id";
        insert.Parameters.AddWithValue("$command", command);
        insert.Parameters.AddWithValue("$expect", (object?)expect ?? DBNull.Value);
        insert.Parameters.AddWithValue("$pid", pid);
        insert.Parameters.AddWithValue("$at", HearthDatabase.TimeText(at));
        return (long)insert.ExecuteScalar()!;
    }

    public void Finish(long id, DateTimeOffset at, int exitCode, string verdict, bool? expectationMet)
    {
        using var db = database.Open(Schema);
        using var update = db.CreateCommand();
        update.CommandText = "UPDATE jobs SET ended_at = $at, exit_code = $exit, verdict = $verdict, expectation_met = $met WHERE id = $id";
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$at", HearthDatabase.TimeText(at));
        update.Parameters.AddWithValue("$exit", exitCode);
        update.Parameters.AddWithValue("$verdict", verdict);
        update.Parameters.AddWithValue("$met", expectationMet is { } met ? met ? 1 : 0 : DBNull.Value);
        update.ExecuteNonQuery();
    }

    /// <summary>The newest jobs first.</summary>
    public IReadOnlyList<RunRecord> Recent(int count) => Query($"SELECT {Columns} FROM jobs ORDER BY id DESC LIMIT {count}");

    public IReadOnlyList<RunRecord> Running() => Query($"SELECT {Columns} FROM jobs WHERE ended_at IS NULL ORDER BY id");

    public RunRecord? Find(long id) => Query($"SELECT {Columns} FROM jobs WHERE id = {id}").SingleOrDefault();

    private List<RunRecord> Query(string sql)
    {
        using var db = database.Open(Schema);
        using var query = db.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        var jobs = new List<RunRecord>();
        while (reader.Read())
        {
            jobs.Add(new RunRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                HearthDatabase.ParseTime(reader.GetString(4)),
                reader.IsDBNull(5) ? null : HearthDatabase.ParseTime(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8) == 1));
        }

        return jobs;
    }
}
