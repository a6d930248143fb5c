using Microsoft.Data.Sqlite;

namespace Hearth.Hardware.History;

/// <summary>The latest reports (e.g. <c>hearth doctor</c>'s JSON) kept for the dashboard and the API.</summary>
public sealed class ReportStore(HearthDatabase database)
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS reports (kind TEXT PRIMARY KEY, at TEXT NOT NULL, json TEXT NOT NULL);";

    public void Save(string kind, DateTimeOffset at, string json)
    {
        using var db = database.Open(Schema);
        using var upsert = db.CreateCommand();
        upsert.CommandText = "INSERT OR REPLACE INTO reports (kind, at, json) VALUES ($kind, $at, $json)";
        upsert.Parameters.AddWithValue("$kind", kind);
        upsert.Parameters.AddWithValue("$at", HearthDatabase.TimeText(at));
        upsert.Parameters.AddWithValue("$json", json);
        upsert.ExecuteNonQuery();
    }

    /// <summary>The latest report of a kind, or null when none was saved.</summary>
    public string? Latest(string kind)
    {
        using var db = database.Open(Schema);
        using var query = db.CreateCommand();
        query.CommandText = "SELECT json FROM reports WHERE kind = $kind";
        query.Parameters.AddWithValue("$kind", kind);
        return query.ExecuteScalar() as string;
    }
}
