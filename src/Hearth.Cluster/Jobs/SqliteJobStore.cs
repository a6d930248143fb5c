using System.Data.Common;
using Hearth.Hardware.History;

namespace Hearth.Cluster.Jobs;

/// <summary>
/// The job store in the coordinating node's SQLite file (<c>HEARTH_HOME/hearth.db</c>). SQLite runs in this process
/// and its client has no truly asynchronous I/O: its async calls complete on the calling thread, in microseconds.
/// </summary>
public sealed class SqliteJobStore(HearthDatabase database, string cluster) : SqlJobStore(cluster)
{
    protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(database.Open(Schema));
}
