using System.Text.Json;
using Npgsql;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// The job store in the PostgreSQL database that holds the cluster's membership: shared by every node, so any
/// node's coordinator can lease, collect and finish any job, and a job outlives the node it was submitted to.
/// Leases are taken with <c>FOR UPDATE SKIP LOCKED</c>, so two coordinators never hand out the same shard.
/// </summary>
public sealed class PostgresJobStore : IJobStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS hearth_jobs(cluster text NOT NULL, id text PRIMARY KEY, kind text NOT NULL, features text NOT NULL,
            created bigint NOT NULL, finished bigint, state text NOT NULL, documents integer NOT NULL, shards integer NOT NULL, error text);
        CREATE TABLE IF NOT EXISTS hearth_documents(job text NOT NULL, idx integer NOT NULL, shard integer NOT NULL, id text NOT NULL,
            text text, error text, PRIMARY KEY(job, idx));
        CREATE TABLE IF NOT EXISTS hearth_shards(job text NOT NULL, shard integer NOT NULL, state text NOT NULL, owner text, lease_until bigint,
            not_before bigint, attempts integer NOT NULL DEFAULT 0, last_error text, done_by text, PRIMARY KEY(job, shard));
        CREATE TABLE IF NOT EXISTS hearth_results(job text NOT NULL, idx integer NOT NULL, line text NOT NULL, PRIMARY KEY(job, idx));
        """;

    private const string PinnedShard = "(@pinned::text IS NULL OR EXISTS (SELECT 1 FROM hearth_documents d WHERE d.job = s.job AND d.shard = s.shard AND d.id = @pinned::text))";

    private const string LeasableShard = "((state = 'pending' AND (not_before IS NULL OR not_before <= @now)) OR (state = 'leased' AND lease_until < @now))";

    private readonly NpgsqlDataSource database;
    private readonly string cluster;

    public PostgresJobStore(string connectionString, string cluster)
    {
        database = NpgsqlDataSource.Create(connectionString);
        this.cluster = cluster;
        Execute(null, Schema);
    }

    public void Create(string id, JobRequest request, int shardSize, DateTimeOffset now)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var shards = (request.Documents.Count + shardSize - 1) / shardSize;
        Execute(connection, "INSERT INTO hearth_jobs(cluster, id, kind, features, created, state, documents, shards, finished) VALUES(@cluster, @id, @kind, @features, @now, @state, @documents, @shards, @finished)",
            ("cluster", cluster), ("id", id), ("kind", request.Kind), ("features", JsonSerializer.Serialize(request.Features)), ("now", now.ToUnixTimeMilliseconds()),
            ("state", shards == 0 ? "done" : "running"), ("documents", request.Documents.Count), ("shards", shards), ("finished", shards == 0 ? now.ToUnixTimeMilliseconds() : DBNull.Value));
        Execute(connection, "INSERT INTO hearth_documents(job, idx, shard, id, text, error) SELECT @job, i - 1, (i - 1) / @size, d.id, d.text, d.error FROM unnest(@ids, @texts, @errors) WITH ORDINALITY AS d(id, text, error, i)",
            ("job", id), ("size", shardSize), ("ids", request.Documents.Select(d => d.Id).ToArray()),
            ("texts", request.Documents.Select(d => d.Text).ToArray()), ("errors", request.Documents.Select(d => d.Error).ToArray()));
        Execute(connection, "INSERT INTO hearth_shards(job, shard, state) SELECT @job, s, 'pending' FROM generate_series(0, @shards - 1) AS s", ("job", id), ("shards", shards));
        transaction.Commit();
    }

    public IReadOnlyList<(string Id, string Kind, string[] Features)> Running() =>
        Read("SELECT id, kind, features FROM hearth_jobs WHERE cluster = @cluster AND state = 'running' ORDER BY created, id",
            r => (r.GetString(0), r.GetString(1), JsonSerializer.Deserialize<string[]>(r.GetString(2))!), ("cluster", cluster));

    public int Leasable(string job, DateTimeOffset now) =>
        Read($"SELECT COUNT(*)::integer FROM hearth_shards WHERE job = @job AND {LeasableShard}", r => r.GetInt32(0), ("job", job), ("now", now.ToUnixTimeMilliseconds()))[0];

    public (int Shard, int Attempt, IReadOnlyList<(int Index, string Id, string? Text, string? Error)> Documents)? Lease(
        string job, string worker, DateTimeOffset now, TimeSpan lease, int maxAttempts, string? pinnedTo = null)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var nowMs = now.ToUnixTimeMilliseconds();
        var next = Read(connection, $"SELECT shard, attempts, state, owner, last_error FROM hearth_shards s WHERE job = @job AND {LeasableShard} AND {PinnedShard} ORDER BY shard LIMIT 1 FOR UPDATE SKIP LOCKED",
            r => (Shard: r.GetInt32(0), Attempts: r.GetInt32(1), State: r.GetString(2), Owner: r.IsDBNull(3) ? null : r.GetString(3), Error: r.IsDBNull(4) ? null : r.GetString(4)),
            ("job", job), ("now", nowMs), ("pinned", pinnedTo));
        if (next.Count == 0)
        {
            return null;
        }

        var (shard, attempts, state, owner, error) = next[0];
        if (attempts >= maxAttempts)
        {
            var why = state == "leased" ? $"its lease on {owner} ran out" : error ?? "it failed";
            Execute(connection, "UPDATE hearth_jobs SET state = 'failed', finished = @now, error = @error WHERE id = @job",
                ("job", job), ("now", nowMs), ("error", $"shard {shard} was tried {attempts} times (the failure budget); last: {why}"));
            transaction.Commit();
            return null;
        }

        Execute(connection, "UPDATE hearth_shards SET state = 'leased', owner = @worker, lease_until = @until, attempts = attempts + 1 WHERE job = @job AND shard = @shard",
            ("job", job), ("shard", shard), ("worker", worker), ("until", (now + lease).ToUnixTimeMilliseconds()));
        var documents = Read(connection, "SELECT idx, id, text, error FROM hearth_documents WHERE job = @job AND shard = @shard ORDER BY idx",
            r => (r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), ("job", job), ("shard", shard));
        transaction.Commit();
        return (shard, attempts + 1, documents);
    }

    public bool Complete(string job, int shard, string worker, IReadOnlyList<string> lines, DateTimeOffset now)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var state = Read(connection, "SELECT state FROM hearth_shards WHERE job = @job AND shard = @shard FOR UPDATE", r => r.GetString(0), ("job", job), ("shard", shard));
        if (state is not [var current] || current == "done")
        {
            return false;
        }

        var indexes = Read(connection, "SELECT idx FROM hearth_documents WHERE job = @job AND shard = @shard ORDER BY idx", r => r.GetInt32(0), ("job", job), ("shard", shard));
        if (indexes.Count != lines.Count)
        {
            throw new ArgumentException($"shard {shard} of job {job} has {indexes.Count} documents but {lines.Count} result lines came back", nameof(lines));
        }

        Execute(connection, "INSERT INTO hearth_results(job, idx, line) SELECT @job, * FROM unnest(@indexes, @lines) ON CONFLICT DO NOTHING",
            ("job", job), ("indexes", indexes.ToArray()), ("lines", lines.ToArray()));
        Execute(connection, "UPDATE hearth_shards SET state = 'done', done_by = @worker, owner = NULL, lease_until = NULL WHERE job = @job AND shard = @shard",
            ("job", job), ("shard", shard), ("worker", worker));
        Execute(connection, "UPDATE hearth_jobs SET state = 'done', finished = @now WHERE id = @job AND state = 'running' AND NOT EXISTS (SELECT 1 FROM hearth_shards WHERE job = @job AND state <> 'done')",
            ("job", job), ("now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return true;
    }

    public void Release(string job, int shard, string worker, string reason, DateTimeOffset notBefore) =>
        Execute(null, "UPDATE hearth_shards SET state = 'pending', owner = NULL, lease_until = NULL, not_before = @notBefore, last_error = @error WHERE job = @job AND shard = @shard AND state = 'leased' AND owner = @worker",
            ("job", job), ("shard", shard), ("worker", worker), ("error", reason), ("notBefore", notBefore.ToUnixTimeMilliseconds()));

    public IReadOnlyList<(int Shard, string Id)> Unfinished(string job) =>
        Read("SELECT d.shard, d.id FROM hearth_documents d JOIN hearth_shards s ON s.job = d.job AND s.shard = d.shard WHERE d.job = @job AND s.state <> 'done' ORDER BY d.idx",
            r => (r.GetInt32(0), r.GetString(1)), ("job", job));

    public IReadOnlyList<JobProgress> List() =>
        [.. Read("SELECT id FROM hearth_jobs WHERE cluster = @cluster ORDER BY created DESC, id", r => r.GetString(0), ("cluster", cluster)).Select(id => Progress(id)!)];

    public JobProgress? Progress(string id)
    {
        var jobs = Read("""
            SELECT kind, state, documents, shards, created, finished, error,
                (SELECT COUNT(*)::integer FROM hearth_shards WHERE job = @id AND state = 'done'),
                (SELECT (COALESCE(SUM(attempts), 0) - COUNT(*))::integer FROM hearth_shards WHERE job = @id AND attempts > 0)
            FROM hearth_jobs WHERE id = @id
            """,
            r => (Kind: r.GetString(0), State: r.GetString(1), Documents: r.GetInt32(2), Shards: r.GetInt32(3), Created: r.GetInt64(4),
                Finished: r.IsDBNull(5) ? (long?)null : r.GetInt64(5), Error: r.IsDBNull(6) ? null : r.GetString(6), Done: r.GetInt32(7), Retries: r.GetInt32(8)),
            ("id", id));
        if (jobs is not [var job])
        {
            return null;
        }

        var byNode = Read("SELECT done_by, COUNT(*)::integer FROM hearth_shards WHERE job = @id AND state = 'done' GROUP BY done_by ORDER BY done_by",
            r => (r.GetString(0), r.GetInt32(1)), ("id", id)).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        return new JobProgress(id, job.Kind, job.State, job.Documents, job.Shards, job.Done, job.Retries, byNode,
            DateTimeOffset.FromUnixTimeMilliseconds(job.Created), job.Finished is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, job.Error);
    }

    public IEnumerable<string> Results(string id) => Read("SELECT line FROM hearth_results WHERE job = @id ORDER BY idx", r => r.GetString(0), ("id", id));

    public void Dispose() => database.Dispose();

    private void Execute(NpgsqlConnection? connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var own = connection is null ? database.OpenConnection() : null;
        using var command = new NpgsqlCommand(sql, connection ?? own);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.OpenConnection();
        return Read(connection, sql, row, parameters);
    }

    private static List<T> Read<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
