using Npgsql;

namespace Hearth.Cluster.Membership;

/// <summary>
/// Cluster membership in PostgreSQL (<c>hearth up --cluster postgres://…</c>): the nodes of a cluster find each
/// other there and no node holds the membership alone, so the cluster outlives any of them. Hearth creates the
/// schema itself (Membership/postgres-membership.sql).
/// </summary>
public static class PostgresMembership
{
    public const string Invariant = "Npgsql";

    /// <summary>A Npgsql connection string from <c>postgres://user:password@host:port/database</c> (or one already).</summary>
    public static string ConnectionString(string url)
    {
        if (!url.StartsWith("postgres://", StringComparison.Ordinal) && !url.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(url).ConnectionString;
        }

        var uri = new Uri(url);
        var user = uri.UserInfo.Split(':', 2);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        }.ConnectionString;
    }

    /// <summary>Creates the membership schema if it is not there (idempotent).</summary>
    public static async Task EnsureSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        using var stream = typeof(PostgresMembership).Assembly.GetManifestResourceStream("Hearth.Cluster.Membership.postgres-membership.sql")!;
        using var reader = new StreamReader(stream);
        var schema = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(schema, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
