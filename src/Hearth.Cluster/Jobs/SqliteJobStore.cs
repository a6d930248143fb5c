using System.Text.Json;
using Hearth.Hardware.History;
using Microsoft.Data.Sqlite;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// Durable job and shard state in the coordinating node's SQLite file: the input documents, the leases (times in
/// the coordinator's own clock, Unix milliseconds), and one result line per document keyed by (job, document),
/// so that a shard delivered twice is stored once and a restarted coordinator goes on where it stopped.
/// </summary>
public sealed class SqliteJobStore(HearthDatabase database) : IJobStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS cluster_jobs(id TEXT PRIMARY KEY, kind TEXT NOT NULL, features TEXT NOT NULL, created INTEGER NOT NULL,
            finished INTEGER, state TEXT NOT NULL, documents INTEGER NOT NULL, shards INTEGER NOT NULL, error TEXT);
        CREATE TABLE IF NOT EXISTS cluster_documents(job TEXT NOT NULL, idx INTEGER NOT NULL, shard INTEGER NOT NULL, id TEXT NOT NULL,
            text TEXT, error TEXT, PRIMARY KEY(job, idx));
        CREATE TABLE IF NOT EXISTS cluster_shards(job TEXT NOT NULL, shard INTEGER NOT NULL, state TEXT NOT NULL, owner TEXT,
            lease_until INTEGER, not_before INTEGER, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, done_by TEXT, PRIMARY KEY(job, shard));
        CREATE TABLE IF NOT EXISTS cluster_results(job TEXT NOT NULL, idx INTEGER NOT NULL, line TEXT NOT NULL, PRIMARY KEY(job, idx));
        """;

    private static readonly string[] DocumentColumns = ["$job", "$idx", "$shard", "$id", "$text", "$error"];

    public void Create(string id, JobRequest request, int shardSize, DateTimeOffset now)
    {
        using var connection = database.Open(Schema);
        using var transaction = connection.BeginTransaction();
        var shards = (request.Documents.Count + shardSize - 1) / shardSize;
        Execute(connection, "INSERT INTO cluster_jobs(id, kind, features, created, state, documents, shards) VALUES($id, $kind, $features, $now, 'running', $documents, $shards)",
            ("$id", id), ("$kind", request.Kind), ("$features", JsonSerializer.Serialize(request.Features)), ("$now", now.ToUnixTimeMilliseconds()),
            ("$documents", request.Documents.Count), ("$shards", shards));
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO cluster_documents(job, idx, shard, id, text, error) VALUES($job, $idx, $shard, $id, $text, $error)";
        var parameters = DocumentColumns.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        parameters[0].Value = id;
        for (var i = 0; i < request.Documents.Count; i++)
        {
            var document = request.Documents[i];
            (parameters[1].Value, parameters[2].Value, parameters[3].Value) = (i, i / shardSize, document.Id);
            (parameters[4].Value, parameters[5].Value) = (document.Text ?? (object)DBNull.Value, document.Error ?? (object)DBNull.Value);
            insert.ExecuteNonQuery();
        }

        for (var shard = 0; shard < shards; shard++)
        {
            Execute(connection, "INSERT INTO cluster_shards(job, shard, state) VALUES($job, $shard, 'pending')", ("$job", id), ("$shard", shard));
        }

        if (shards == 0)
        {
            Execute(connection, "UPDATE cluster_jobs SET state = 'done', finished = $now WHERE id = $id", ("$id", id), ("$now", now.ToUnixTimeMilliseconds()));
        }

        transaction.Commit();
    }

    public IReadOnlyList<(string Id, string Kind, string[] Features)> Running()
    {
        using var connection = database.Open(Schema);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, features FROM cluster_jobs WHERE state = 'running' ORDER BY created, id";
        using var reader = command.ExecuteReader();
        var jobs = new List<(string, string, string[])>();
        while (reader.Read())
        {
            jobs.Add((reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2))!));
        }

        return jobs;
    }

    public int Leasable(string job, DateTimeOffset now)
    {
        using var connection = database.Open(Schema);
        return Convert.ToInt32(Scalar(connection, $"SELECT COUNT(*) FROM cluster_shards WHERE job = $job AND {LeasableShard}", ("$job", job), ("$now", now.ToUnixTimeMilliseconds())));
    }

    private const string PinnedShard = "($pinned IS NULL OR EXISTS (SELECT 1 FROM cluster_documents d WHERE d.job = s.job AND d.shard = s.shard AND d.id = $pinned))";

    private const string LeasableShard = "((state = 'pending' AND (not_before IS NULL OR not_before <= $now)) OR (state = 'leased' AND lease_until < $now))";

    public (int Shard, int Attempt, IReadOnlyList<(int Index, string Id, string? Text, string? Error)> Documents)? Lease(
        string job, string worker, DateTimeOffset now, TimeSpan lease, int maxAttempts, string? pinnedTo = null)
    {
        using var connection = database.Open(Schema);
        using var transaction = connection.BeginTransaction();
        var nowMs = now.ToUnixTimeMilliseconds();
        using var pick = connection.CreateCommand();
        pick.CommandText = $"SELECT shard, attempts, state, owner, last_error FROM cluster_shards s WHERE job = $job AND {LeasableShard} AND {PinnedShard} ORDER BY shard LIMIT 1";
        pick.Parameters.AddWithValue("$job", job);
        pick.Parameters.AddWithValue("$pinned", (object?)pinnedTo ?? DBNull.Value);
        pick.Parameters.AddWithValue("$now", nowMs);
        int shard, attempts;
        using (var reader = pick.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            (shard, attempts) = (reader.GetInt32(0), reader.GetInt32(1));
            if (attempts >= maxAttempts)
            {
                var why = reader.GetString(2) == "leased" ? $"its lease on {reader.GetString(3)} ran out" : reader.IsDBNull(4) ? "it failed" : reader.GetString(4);
                reader.Close();
                Execute(connection, "UPDATE cluster_jobs SET state = 'failed', finished = $now, error = $error WHERE id = $id",
                    ("$id", job), ("$now", nowMs), ("$error", $"shard {shard} was tried {attempts} times (the failure budget); last: {why}"));
                transaction.Commit();
                return null;
            }
        }

        Execute(connection, "UPDATE cluster_shards SET state = 'leased', owner = $worker, lease_until = $until, attempts = attempts + 1 WHERE job = $job AND shard = $shard",
            ("$job", job), ("$shard", shard), ("$worker", worker), ("$until", (now + lease).ToUnixTimeMilliseconds()));
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT idx, id, text, error FROM cluster_documents WHERE job = $job AND shard = $shard ORDER BY idx";
        read.Parameters.AddWithValue("$job", job);
        read.Parameters.AddWithValue("$shard", shard);
        var documents = new List<(int, string, string?, string?)>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                documents.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        transaction.Commit();
        return (shard, attempts + 1, documents);
    }

    public bool Complete(string job, int shard, string worker, IReadOnlyList<string> lines, DateTimeOffset now)
    {
        using var connection = database.Open(Schema);
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, "SELECT state FROM cluster_shards WHERE job = $job AND shard = $shard", ("$job", job), ("$shard", shard)) is not string state || state == "done")
        {
            return false;
        }

        var indexes = new List<int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT idx FROM cluster_documents WHERE job = $job AND shard = $shard ORDER BY idx";
            command.Parameters.AddWithValue("$job", job);
            command.Parameters.AddWithValue("$shard", shard);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add(reader.GetInt32(0));
            }
        }

        if (indexes.Count != lines.Count)
        {
            throw new ArgumentException($"shard {shard} of job {job} has {indexes.Count} documents but {lines.Count} result lines came back", nameof(lines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            Execute(connection, "INSERT OR IGNORE INTO cluster_results(job, idx, line) VALUES($job, $idx, $line)", ("$job", job), ("$idx", indexes[i]), ("$line", lines[i]));
        }

        Execute(connection, "UPDATE cluster_shards SET state = 'done', done_by = $worker, owner = NULL, lease_until = NULL WHERE job = $job AND shard = $shard",
            ("$job", job), ("$shard", shard), ("$worker", worker));
        Execute(connection, "UPDATE cluster_jobs SET state = 'done', finished = $now WHERE id = $job AND state = 'running' AND NOT EXISTS (SELECT 1 FROM cluster_shards WHERE job = $job AND state <> 'done')",
            ("$job", job), ("$now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return true;
    }

    public void Release(string job, int shard, string worker, string reason, DateTimeOffset notBefore)
    {
        using var connection = database.Open(Schema);
        Execute(connection, "UPDATE cluster_shards SET state = 'pending', owner = NULL, lease_until = NULL, not_before = $notBefore, last_error = $error WHERE job = $job AND shard = $shard AND state = 'leased' AND owner = $worker",
            ("$job", job), ("$shard", shard), ("$worker", worker), ("$error", reason), ("$notBefore", notBefore.ToUnixTimeMilliseconds()));
    }

    public IReadOnlyList<(int Shard, string Id)> Unfinished(string job)
    {
        using var connection = database.Open(Schema);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.shard, d.id FROM cluster_documents d JOIN cluster_shards s ON s.job = d.job AND s.shard = d.shard WHERE d.job = $job AND s.state <> 'done' ORDER BY d.idx";
        command.Parameters.AddWithValue("$job", job);
        using var reader = command.ExecuteReader();
        var unfinished = new List<(int, string)>();
        while (reader.Read())
        {
            unfinished.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return unfinished;
    }

    public IReadOnlyList<JobProgress> List() => [.. Ids().Select(id => Progress(id)!)];

    public JobProgress? Progress(string id)
    {
        using var connection = database.Open(Schema);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT kind, state, documents, shards, created, finished, error,
                (SELECT COUNT(*) FROM cluster_shards WHERE job = $id AND state = 'done'),
                (SELECT COALESCE(SUM(attempts), 0) - COUNT(*) FROM cluster_shards WHERE job = $id AND attempts > 0)
            FROM cluster_jobs WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var byNode = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var shares = connection.CreateCommand())
        {
            shares.CommandText = "SELECT done_by, COUNT(*) FROM cluster_shards WHERE job = $id AND state = 'done' GROUP BY done_by ORDER BY done_by";
            shares.Parameters.AddWithValue("$id", id);
            using var rows = shares.ExecuteReader();
            while (rows.Read())
            {
                byNode[rows.GetString(0)] = rows.GetInt32(1);
            }
        }

        return new JobProgress(id, reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(7), reader.GetInt32(8), byNode,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    public IEnumerable<string> Results(string id)
    {
        using var connection = database.Open(Schema);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT line FROM cluster_results WHERE job = $id ORDER BY idx";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    private List<string> Ids()
    {
        using var connection = database.Open(Schema);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM cluster_jobs ORDER BY created DESC, id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }
}
