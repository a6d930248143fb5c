using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hearth.Hardware;
using Hearth.Text.Input;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// The job store in SQL that SQLite and PostgreSQL both speak: the input documents, the shards and their leases
/// (Unix milliseconds on the coordinator's clock), and one result line per document keyed by (job, document), so
/// that a shard delivered twice is stored once and a restarted coordinator goes on where it stopped.
/// </summary>
public abstract class SqlJobStore(string cluster) : IJobStore
{
    /// <summary>The tables, in types both databases accept. A job's options (bench sizes…) live beside it, as JSON.</summary>
    protected const string Schema = """
        CREATE TABLE IF NOT EXISTS hearth_jobs(cluster text NOT NULL, id text PRIMARY KEY, kind text NOT NULL, features text NOT NULL,
            created bigint NOT NULL, finished bigint, state text NOT NULL, documents integer NOT NULL, shards integer NOT NULL, error text);
        CREATE TABLE IF NOT EXISTS hearth_job_options(job text PRIMARY KEY, bench text);
        CREATE TABLE IF NOT EXISTS hearth_job_models(job text PRIMARY KEY, models text NOT NULL);
        CREATE TABLE IF NOT EXISTS hearth_documents(job text NOT NULL, idx integer NOT NULL, shard integer NOT NULL, id text NOT NULL,
            text text, error text, PRIMARY KEY(job, idx));
        CREATE TABLE IF NOT EXISTS hearth_shards(job text NOT NULL, shard integer NOT NULL, state text NOT NULL, owner text, lease_until bigint,
            not_before bigint, attempts integer NOT NULL DEFAULT 0, last_error text, done_by text, PRIMARY KEY(job, shard));
        CREATE TABLE IF NOT EXISTS hearth_results(job text NOT NULL, idx integer NOT NULL, line text NOT NULL, PRIMARY KEY(job, idx));
        """;

    private static readonly string Running = JobState.Running.Name();
    private static readonly string JobDone = JobState.Done.Name();
    private static readonly string JobFailed = JobState.Failed.Name();
    private static readonly string Pending = ShardState.Pending.Name();
    private static readonly string Leased = ShardState.Leased.Name();
    private static readonly string ShardDone = ShardState.Done.Name();

    private static readonly string LeasableShard =
        $"((state = '{Pending}' AND (not_before IS NULL OR not_before <= @now)) OR (state = '{Leased}' AND lease_until < @now))";

    private const string PinnedShard = "(CAST(@pinned AS text) IS NULL OR EXISTS "
        + "(SELECT 1 FROM hearth_documents d WHERE d.job = s.job AND d.shard = s.shard AND d.id = CAST(@pinned AS text)))";

    /// <summary>An open connection to a database whose schema exists.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>How a lease locks the shard row it takes, where other coordinators share the database.</summary>
    protected virtual string SkipLocked => "";

    /// <summary>How a completion locks the shard row it finishes.</summary>
    protected virtual string ForUpdate => "";

    public async Task CreateAsync(string id, JobRequest request, int shardSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var shards = (request.Documents.Count + shardSize - 1) / shardSize;
                var nowMs = now.ToUnixTimeMilliseconds();
                await ExecuteAsync(connection, """
                    INSERT INTO hearth_jobs(cluster, id, kind, features, created, state, documents, shards, finished)
                    VALUES(@cluster, @id, @kind, @features, @now, @state, @documents, @shards, @finished)
                    """, cancellationToken,
                    ("cluster", cluster), ("id", id), ("kind", request.Kind.Name()), ("features", JsonSerializer.Serialize(request.Features)),
                    ("now", nowMs), ("state", shards == 0 ? JobDone : Running), ("documents", request.Documents.Count), ("shards", shards),
                    ("finished", shards == 0 ? nowMs : null)).ConfigureAwait(false);
                if (request.Bench is { } bench)
                {
                    await ExecuteAsync(connection, "INSERT INTO hearth_job_options(job, bench) VALUES(@job, @bench)", cancellationToken,
                        ("job", id), ("bench", JsonSerializer.Serialize(bench, HearthJson.Compact))).ConfigureAwait(false);
                }

                if (request.Models is { Count: > 0 } models)
                {
                    await ExecuteAsync(connection, "INSERT INTO hearth_job_models(job, models) VALUES(@job, @models)", cancellationToken,
                        ("job", id), ("models", JsonSerializer.Serialize(models))).ConfigureAwait(false);
                }

                for (var i = 0; i < request.Documents.Count; i++)
                {
                    var document = request.Documents[i];
                    await ExecuteAsync(connection, "INSERT INTO hearth_documents(job, idx, shard, id, text, error) VALUES(@job, @idx, @shard, "
                        + "@id, @text, @error)",
                        cancellationToken, ("job", id), ("idx", i), ("shard", i / shardSize), ("id", document.Id), ("text", document.Text),
                        ("error", document.Error)).ConfigureAwait(false);
                }

                for (var shard = 0; shard < shards; shard++)
                {
                    await ExecuteAsync(connection, "INSERT INTO hearth_shards(job, shard, state) VALUES(@job, @shard, @state)", cancellationToken,
                        ("job", id), ("shard", shard), ("state", Pending)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<RunningJob>> RunningAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAsync(connection, $"""
                SELECT j.id, j.kind, j.features, o.bench, m.models FROM hearth_jobs j LEFT JOIN hearth_job_options o ON o.job = j.id
                LEFT JOIN hearth_job_models m ON m.job = j.id
                WHERE j.cluster = @cluster AND j.state = '{Running}' ORDER BY j.created, j.id
                """,
                r => new RunningJob(r.GetString(0), JobNames.ParseKind(r.GetString(1)), JsonSerializer.Deserialize<string[]>(r.GetString(2))!,
                    Text(r, 3) is { } bench ? JsonSerializer.Deserialize<BenchRequest>(bench, HearthJson.Compact) : null,
                    Text(r, 4) is { } models ? JsonSerializer.Deserialize<string[]>(models)! : []),
                cancellationToken, ("cluster", cluster)).ConfigureAwait(false);
        }
    }

    public async Task<int> LeasableAsync(string job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var counts = await ReadAsync(connection, $"SELECT COUNT(*) FROM hearth_shards WHERE job = @job AND {LeasableShard}",
                r => (int)r.GetInt64(0),
                cancellationToken, ("job", job), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return counts[0];
        }
    }

    public async Task<LeasedShard?> LeaseAsync(
        string job, string worker, DateTimeOffset now, TimeSpan lease, int maxAttempts, string? pinnedTo, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var nowMs = now.ToUnixTimeMilliseconds();
                var next = await ReadAsync(connection, $"""
                    SELECT shard, attempts, state, owner, last_error FROM hearth_shards s
                    WHERE job = @job AND {LeasableShard} AND {PinnedShard} ORDER BY shard LIMIT 1 {SkipLocked}
                    """,
                    r => (Shard: r.GetInt32(0), Attempts: r.GetInt32(1), State: r.GetString(2), Owner: Text(r, 3), Error: Text(r, 4)),
                    cancellationToken, ("job", job), ("now", nowMs), ("pinned", pinnedTo)).ConfigureAwait(false);
                if (next is not [var (shard, attempts, state, owner, error)])
                {
                    return null;
                }

                if (attempts >= maxAttempts)
                {
                    var why = state == Leased ? $"its lease on {owner} ran out" : error ?? "it failed";
                    await ExecuteAsync(connection, "UPDATE hearth_jobs SET state = @jobFailed, finished = @now, error = @error WHERE id = @job",
                        cancellationToken,
                        ("job", job), ("jobFailed", JobFailed), ("now", nowMs),
                        ("error", $"shard {shard} was tried {attempts} times (the failure budget); last: {why}")).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return null;
                }

                await ExecuteAsync(connection, """
                    UPDATE hearth_shards SET state = @shardLeased, owner = @worker, lease_until = @until, attempts = attempts + 1
                    WHERE job = @job AND shard = @shard
                    """, cancellationToken,
                    ("job", job), ("shard", shard), ("shardLeased", Leased), ("worker", worker), ("until",
                        (now + lease).ToUnixTimeMilliseconds())).ConfigureAwait(false);
                var documents = await ReadAsync(connection,
                    "SELECT id, text, error FROM hearth_documents WHERE job = @job AND shard = @shard ORDER BY idx",
                    r => new InputDocument(r.GetString(0), Text(r, 1), Text(r, 2)), cancellationToken, ("job", job), ("shard",
                        shard)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new LeasedShard(shard, attempts + 1, documents);
            }
        }
    }

    public async Task<bool> CompleteAsync(
        string job, int shard, string worker, IReadOnlyList<string> lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var state = await ReadAsync(connection, $"SELECT state FROM hearth_shards WHERE job = @job AND shard = @shard {ForUpdate}",
                    r => r.GetString(0),
                    cancellationToken, ("job", job), ("shard", shard)).ConfigureAwait(false);
                if (state is not [var current] || current == ShardDone)
                {
                    return false;
                }

                var indexes = await ReadAsync(connection, "SELECT idx FROM hearth_documents WHERE job = @job AND shard = @shard ORDER BY idx",
                    r => r.GetInt32(0),
                    cancellationToken, ("job", job), ("shard", shard)).ConfigureAwait(false);
                if (indexes.Count != lines.Count)
                {
                    throw new ArgumentException($"shard {shard} of job {job} has {indexes.Count} documents but {lines.Count} result lines came back",
                        nameof(lines));
                }

                for (var i = 0; i < lines.Count; i++)
                {
                    await ExecuteAsync(connection, "INSERT INTO hearth_results(job, idx, line) VALUES(@job, @idx, @line) ON CONFLICT DO NOTHING",
                        cancellationToken,
                        ("job", job), ("idx", indexes[i]), ("line", lines[i])).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, """
                    UPDATE hearth_shards SET state = @shardDone, done_by = @worker, owner = NULL, lease_until = NULL
                    WHERE job = @job AND shard = @shard
                    """, cancellationToken, ("job", job), ("shard", shard), ("shardDone", ShardDone), ("worker", worker)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // After the commit, not inside it: in PostgreSQL the last two shards of a job may finish at once, and inside their
            // transactions each would see the other still running. Whichever commits last sees both done here.
            await ExecuteAsync(connection, """
                UPDATE hearth_jobs SET state = @jobDone, finished = @now
                WHERE id = @job AND state = @jobRunning AND NOT EXISTS (SELECT 1 FROM hearth_shards WHERE job = @job AND state <> @shardDone)
                """, cancellationToken,
                ("job", job), ("jobDone", JobDone), ("jobRunning", Running), ("shardDone", ShardDone), ("now",
                    now.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return true;
        }
    }

    public async Task ReleaseAsync(string job, int shard, string worker, string reason, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, """
                UPDATE hearth_shards SET state = @shardPending, owner = NULL, lease_until = NULL, not_before = @notBefore, last_error = @error
                WHERE job = @job AND shard = @shard AND state = @shardLeased AND owner = @worker
                """, cancellationToken,
                ("job", job), ("shard", shard), ("shardPending", Pending), ("shardLeased", Leased), ("worker", worker), ("error", reason),
                ("notBefore", notBefore.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }
    }

    public async Task ExtendAsync(string job, int shard, string worker, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(connection, """
                UPDATE hearth_shards SET lease_until = @until WHERE job = @job AND shard = @shard AND state = @shardLeased AND owner = @worker
                """, cancellationToken,
                ("job", job), ("shard", shard), ("shardLeased", Leased), ("worker", worker), ("until", until.ToUnixTimeMilliseconds()))
                .ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<UnfinishedDocument>> UnfinishedAsync(string job, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAsync(connection, """
                SELECT d.shard, d.id FROM hearth_documents d JOIN hearth_shards s ON s.job = d.job AND s.shard = d.shard
                WHERE d.job = @job AND s.state <> @shardDone ORDER BY d.idx
                """, r => new UnfinishedDocument(r.GetInt32(0), r.GetString(1)), cancellationToken, ("job", job), ("shardDone", ShardDone))
                .ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken cancellationToken)
    {
        List<string> ids;
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            ids = await ReadAsync(connection, "SELECT id FROM hearth_jobs WHERE cluster = @cluster ORDER BY created DESC, id", r => r.GetString(0),
                cancellationToken, ("cluster", cluster)).ConfigureAwait(false);
        }

        var jobs = new List<JobProgress>(ids.Count);
        foreach (var id in ids)
        {
            jobs.Add((await ProgressAsync(id, cancellationToken).ConfigureAwait(false))!);
        }

        return jobs;
    }

    public async Task<JobProgress?> ProgressAsync(string id, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var jobs = await ReadAsync(connection, """
                SELECT kind, state, documents, shards, created, finished, error,
                    (SELECT COUNT(*) FROM hearth_shards WHERE job = @id AND state = @shardDone),
                    (SELECT COALESCE(SUM(attempts), 0) - COUNT(*) FROM hearth_shards WHERE job = @id AND attempts > 0)
                FROM hearth_jobs WHERE id = @id
                """,
                r => (Kind: r.GetString(0), State: r.GetString(1), Documents: r.GetInt32(2), Shards: r.GetInt32(3), Created: r.GetInt64(4),
                    Finished: r.IsDBNull(5) ? (long?)null : r.GetInt64(5), Error: Text(r, 6), Done: (int)r.GetInt64(7), Retries: (int)r.GetInt64(8)),
                cancellationToken, ("id", id), ("shardDone", ShardDone)).ConfigureAwait(false);
            if (jobs is not [var job])
            {
                return null;
            }

            var byNode = await ReadAsync(connection, """
                SELECT done_by, COUNT(*) FROM hearth_shards WHERE job = @id AND state = @shardDone GROUP BY done_by ORDER BY done_by
                """, r => (Node: r.GetString(0), Shards: (int)r.GetInt64(1)), cancellationToken, ("id", id), ("shardDone", ShardDone))
                .ConfigureAwait(false);
            return new JobProgress(id, JobNames.ParseKind(job.Kind), JobNames.ParseState(job.State), job.Documents, job.Shards, job.Done, job.Retries,
                byNode.ToDictionary(p => p.Node, p => p.Shards, StringComparer.Ordinal), DateTimeOffset.FromUnixTimeMilliseconds(job.Created),
                job.Finished is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, job.Error);
        }
    }

    public async IAsyncEnumerable<string> ResultsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, "SELECT line FROM hearth_results WHERE job = @id ORDER BY idx", [("id", id)]);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return reader.GetString(0);
                }
            }
        }
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<T>> ReadAsync<T>(
        DbConnection connection, string sql, Func<DbDataReader, T> row, CancellationToken cancellationToken, params (string Name,
            object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row(reader));
            }

            return rows;
        }
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
