using System.Data.Common;
using Npgsql;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// The job store in the PostgreSQL database that holds the cluster's membership: shared by every node, so any
/// node's coordinator can lease, collect and finish any job, and a job outlives the node it was submitted to.
/// Leases are taken with <c>FOR UPDATE SKIP LOCKED</c>, so two coordinators never hand out the same shard.
/// </summary>
public sealed class PostgresJobStore : SqlJobStore, IDisposable
{
    private readonly NpgsqlDataSource database;

    public PostgresJobStore(string connectionString, string cluster)
        : base(cluster)
    {
        database = NpgsqlDataSource.Create(connectionString);
        using var connection = database.OpenConnection();
        using var schema = new NpgsqlCommand(Schema, connection);
        schema.ExecuteNonQuery();
    }

    protected override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    protected override string ForUpdate => "FOR UPDATE";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose() => database.Dispose();
}
