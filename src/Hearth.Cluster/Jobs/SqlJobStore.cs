using System.Data.Common;
using System.Text.Json;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// The job store in SQL that SQLite and PostgreSQL both speak: the input documents, the shards and their leases
/// (Unix milliseconds on the coordinator's clock), and one result line per document keyed by (job, document), so
/// that a shard delivered twice is stored once and a restarted coordinator goes on where it stopped.
/// </summary>
public abstract class SqlJobStore(string cluster) : IJobStore
{
    /// <summary>The tables, in types both databases accept.</summary>
    protected const string Schema = """
        CREATE TABLE IF NOT EXISTS hearth_jobs(cluster text NOT NULL, id text PRIMARY KEY, kind text NOT NULL, features text NOT NULL,
            created bigint NOT NULL, finished bigint, state text NOT NULL, documents integer NOT NULL, shards integer NOT NULL, error text);
        CREATE TABLE IF NOT EXISTS hearth_documents(job text NOT NULL, idx integer NOT NULL, shard integer NOT NULL, id text NOT NULL,
            text text, error text, PRIMARY KEY(job, idx));
        CREATE TABLE IF NOT EXISTS hearth_shards(job text NOT NULL, shard integer NOT NULL, state text NOT NULL, owner text, lease_until bigint,
            not_before bigint, attempts integer NOT NULL DEFAULT 0, last_error text, done_by text, PRIMARY KEY(job, shard));
        CREATE TABLE IF NOT EXISTS hearth_results(job text NOT NULL, idx integer NOT NULL, line text NOT NULL, PRIMARY KEY(job, idx));
        """;

    private const string LeasableShard = "((state = 'pending' AND (not_before IS NULL OR not_before <= @now)) OR (state = 'leased' AND lease_until < @now))";

    private const string PinnedShard = "(CAST(@pinned AS text) IS NULL OR EXISTS (SELECT 1 FROM hearth_documents d WHERE d.job = s.job AND d.shard = s.shard AND d.id = CAST(@pinned AS text)))";

    /// <summary>An open connection to a database whose schema exists.</summary>
    protected abstract DbConnection Open();

    /// <summary>How a lease locks the shard row it takes, where other coordinators share the database.</summary>
    protected virtual string SkipLocked => "";

    /// <summary>How a completion locks the shard row it finishes.</summary>
    protected virtual string ForUpdate => "";

    public void Create(string id, JobRequest request, int shardSize, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var shards = (request.Documents.Count + shardSize - 1) / shardSize;
        var nowMs = now.ToUnixTimeMilliseconds();
        Execute(connection, "INSERT INTO hearth_jobs(cluster, id, kind, features, created, state, documents, shards, finished) VALUES(@cluster, @id, @kind, @features, @now, @state, @documents, @shards, @finished)",
            ("cluster", cluster), ("id", id), ("kind", request.Kind), ("features", JsonSerializer.Serialize(request.Features)), ("now", nowMs),
            ("state", shards == 0 ? "done" : "running"), ("documents", request.Documents.Count), ("shards", shards), ("finished", shards == 0 ? nowMs : null));
        for (var i = 0; i < request.Documents.Count; i++)
        {
            var document = request.Documents[i];
            Execute(connection, "INSERT INTO hearth_documents(job, idx, shard, id, text, error) VALUES(@job, @idx, @shard, @id, @text, @error)",
                ("job", id), ("idx", i), ("shard", i / shardSize), ("id", document.Id), ("text", document.Text), ("error", document.Error));
        }

        for (var shard = 0; shard < shards; shard++)
        {
            Execute(connection, "INSERT INTO hearth_shards(job, shard, state) VALUES(@job, @shard, 'pending')", ("job", id), ("shard", shard));
        }

        transaction.Commit();
    }

    public IReadOnlyList<(string Id, string Kind, string[] Features)> Running()
    {
        using var connection = Open();
        return Read(connection, "SELECT id, kind, features FROM hearth_jobs WHERE cluster = @cluster AND state = 'running' ORDER BY created, id",
            r => (r.GetString(0), r.GetString(1), JsonSerializer.Deserialize<string[]>(r.GetString(2))!), ("cluster", cluster));
    }

    public int Leasable(string job, DateTimeOffset now)
    {
        using var connection = Open();
        return Read(connection, $"SELECT COUNT(*) FROM hearth_shards WHERE job = @job AND {LeasableShard}", r => (int)r.GetInt64(0), ("job", job), ("now", now.ToUnixTimeMilliseconds()))[0];
    }

    public (int Shard, int Attempt, IReadOnlyList<(int Index, string Id, string? Text, string? Error)> Documents)? Lease(
        string job, string worker, DateTimeOffset now, TimeSpan lease, int maxAttempts, string? pinnedTo = null)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var nowMs = now.ToUnixTimeMilliseconds();
        var next = Read(connection, $"SELECT shard, attempts, state, owner, last_error FROM hearth_shards s WHERE job = @job AND {LeasableShard} AND {PinnedShard} ORDER BY shard LIMIT 1 {SkipLocked}",
            r => (Shard: r.GetInt32(0), Attempts: r.GetInt32(1), State: r.GetString(2), Owner: Text(r, 3), Error: Text(r, 4)),
            ("job", job), ("now", nowMs), ("pinned", pinnedTo));
        if (next is not [var (shard, attempts, state, owner, error)])
        {
            return null;
        }

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
            r => (r.GetInt32(0), r.GetString(1), Text(r, 2), Text(r, 3)), ("job", job), ("shard", shard));
        transaction.Commit();
        return (shard, attempts + 1, documents);
    }

    public bool Complete(string job, int shard, string worker, IReadOnlyList<string> lines, DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var state = Read(connection, $"SELECT state FROM hearth_shards WHERE job = @job AND shard = @shard {ForUpdate}", r => r.GetString(0), ("job", job), ("shard", shard));
        if (state is not [var current] || current == "done")
        {
            return false;
        }

        var indexes = Read(connection, "SELECT idx FROM hearth_documents WHERE job = @job AND shard = @shard ORDER BY idx", r => r.GetInt32(0), ("job", job), ("shard", shard));
        if (indexes.Count != lines.Count)
        {
            throw new ArgumentException($"shard {shard} of job {job} has {indexes.Count} documents but {lines.Count} result lines came back", nameof(lines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            Execute(connection, "INSERT INTO hearth_results(job, idx, line) VALUES(@job, @idx, @line) ON CONFLICT DO NOTHING", ("job", job), ("idx", indexes[i]), ("line", lines[i]));
        }

        Execute(connection, "UPDATE hearth_shards SET state = 'done', done_by = @worker, owner = NULL, lease_until = NULL WHERE job = @job AND shard = @shard",
            ("job", job), ("shard", shard), ("worker", worker));
        Execute(connection, "UPDATE hearth_jobs SET state = 'done', finished = @now WHERE id = @job AND state = 'running' AND NOT EXISTS (SELECT 1 FROM hearth_shards WHERE job = @job AND state <> 'done')",
            ("job", job), ("now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return true;
    }

    public void Release(string job, int shard, string worker, string reason, DateTimeOffset notBefore)
    {
        using var connection = Open();
        Execute(connection, "UPDATE hearth_shards SET state = 'pending', owner = NULL, lease_until = NULL, not_before = @notBefore, last_error = @error WHERE job = @job AND shard = @shard AND state = 'leased' AND owner = @worker",
            ("job", job), ("shard", shard), ("worker", worker), ("error", reason), ("notBefore", notBefore.ToUnixTimeMilliseconds()));
    }

    public IReadOnlyList<(int Shard, string Id)> Unfinished(string job)
    {
        using var connection = Open();
        return Read(connection, "SELECT d.shard, d.id FROM hearth_documents d JOIN hearth_shards s ON s.job = d.job AND s.shard = d.shard WHERE d.job = @job AND s.state <> 'done' ORDER BY d.idx",
            r => (r.GetInt32(0), r.GetString(1)), ("job", job));
    }

    public IReadOnlyList<JobProgress> List()
    {
        using var connection = Open();
        return [.. Read(connection, "SELECT id FROM hearth_jobs WHERE cluster = @cluster ORDER BY created DESC, id", r => r.GetString(0), ("cluster", cluster)).Select(id => Progress(id)!)];
    }

    public JobProgress? Progress(string id)
    {
        using var connection = Open();
        var jobs = Read(connection, """
            SELECT kind, state, documents, shards, created, finished, error,
                (SELECT COUNT(*) FROM hearth_shards WHERE job = @id AND state = 'done'),
                (SELECT COALESCE(SUM(attempts), 0) - COUNT(*) FROM hearth_shards WHERE job = @id AND attempts > 0)
            FROM hearth_jobs WHERE id = @id
            """,
            r => (Kind: r.GetString(0), State: r.GetString(1), Documents: r.GetInt32(2), Shards: r.GetInt32(3), Created: r.GetInt64(4),
                Finished: r.IsDBNull(5) ? (long?)null : r.GetInt64(5), Error: Text(r, 6), Done: (int)r.GetInt64(7), Retries: (int)r.GetInt64(8)),
            ("id", id));
        if (jobs is not [var job])
        {
            return null;
        }

        var byNode = Read(connection, "SELECT done_by, COUNT(*) FROM hearth_shards WHERE job = @id AND state = 'done' GROUP BY done_by ORDER BY done_by",
            r => (Node: r.GetString(0), Shards: (int)r.GetInt64(1)), ("id", id)).ToDictionary(p => p.Node, p => p.Shards, StringComparer.Ordinal);
        return new JobProgress(id, job.Kind, job.State, job.Documents, job.Shards, job.Done, job.Retries, byNode,
            DateTimeOffset.FromUnixTimeMilliseconds(job.Created), job.Finished is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, job.Error);
    }

    public IEnumerable<string> Results(string id)
    {
        using var connection = Open();
        return Read(connection, "SELECT line FROM hearth_results WHERE job = @id ORDER BY idx", r => r.GetString(0), ("id", id));
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static void Execute(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static List<T> Read<T>(DbConnection connection, string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@" + name, value ?? DBNull.Value);
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
