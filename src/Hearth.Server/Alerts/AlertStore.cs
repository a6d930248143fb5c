using Hearth.Hardware.History;
using Hearth.Hardware.Watchdog;
using Microsoft.Data.Sqlite;

namespace Hearth.Server.Alerts;

/// <summary>Every alert raised and cleared, in Hearth's SQLite database.</summary>
public sealed class AlertStore(HearthDatabase database)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS alerts (
            key TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, subject TEXT NOT NULL, message TEXT NOT NULL,
            raised_at TEXT NOT NULL, cleared_at TEXT, PRIMARY KEY (key, raised_at));
        """;

    public void Save(Alert alert)
    {
        using var db = database.Open(Schema);
        using var upsert = db.CreateCommand();
        upsert.CommandText = "INSERT OR REPLACE INTO alerts VALUES ($key, $rule, $severity, $subject, $message, $raised, $cleared)";
        upsert.Parameters.AddWithValue("$key", alert.Key);
        upsert.Parameters.AddWithValue("$rule", alert.Rule);
        upsert.Parameters.AddWithValue("$severity", alert.Severity.ToString());
        upsert.Parameters.AddWithValue("$subject", alert.Subject);
        upsert.Parameters.AddWithValue("$message", alert.Message);
        upsert.Parameters.AddWithValue("$raised", HearthDatabase.TimeText(alert.RaisedAt));
        upsert.Parameters.AddWithValue("$cleared", alert.ClearedAt is { } c ? HearthDatabase.TimeText(c) : DBNull.Value);
        upsert.ExecuteNonQuery();
    }

    /// <summary>The newest alerts first, active or not.</summary>
    public IReadOnlyList<Alert> Recent(int count)
    {
        using var db = database.Open(Schema);
        using var query = db.CreateCommand();
        query.CommandText = $"SELECT key, rule, severity, subject, message, raised_at, cleared_at FROM alerts ORDER BY raised_at DESC LIMIT {count}";
        using var reader = query.ExecuteReader();
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(new Alert(reader.GetString(0), reader.GetString(1), Enum.Parse<Severity>(reader.GetString(2)), reader.GetString(3),
                reader.GetString(4),
                HearthDatabase.ParseTime(reader.GetString(5)), reader.IsDBNull(6) ? null : HearthDatabase.ParseTime(reader.GetString(6))));
        }

        return alerts;
    }
}
