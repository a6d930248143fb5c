using System.Data.Common;
using Hearth.Hardware.History;

namespace Hearth.Cluster.Jobs;

/// <summary>The job store in the coordinating node's SQLite file (<c>HEARTH_HOME/hearth.db</c>).</summary>
public sealed class SqliteJobStore(HearthDatabase database, string cluster) : SqlJobStore(cluster)
{
    protected override DbConnection Open() => database.Open(Schema);
}
