using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hearth.Hardware.History;

/// <summary>
/// Hearth's one SQLite file (<c>hearth.db</c> in the Hearth home), shared by the bench history, telemetry,
/// jobs and alerts. WAL mode lets <c>hearth up</c>, <c>hearth run</c> and <c>hearth bench</c> use it at once.
/// </summary>
/// <param name="path">Resolved on first use, so a bad home is reported by the command that needs it.</param>
public sealed class HearthDatabase(Func<string> path)
{
    public static HearthDatabase InHome(string home) => new(() => Path.Combine(home, "hearth.db"));

    /// <summary>The database in <c>HEARTH_HOME</c>, else <c>~/.hearth</c>.</summary>
    public static HearthDatabase InDefaultHome() => new(() => Path.Combine(HearthHome.Resolve(), "hearth.db"));

    // Schemas already applied, per file: opening a connection is then cheap enough for every 1 s tick.
    private static readonly ConcurrentDictionary<(string File, string Schema), bool> Applied = new();

    public string FilePath => path();

    /// <summary>How every Hearth table stores a time: round-trip ISO 8601 text.</summary>
    public static string TimeText(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether an exception means the store cannot be used (no writable home, a locked or damaged file):
    /// the callers that only keep a record go on without it and say so.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException;

    /// <summary>Opens a connection (pooled) and makes sure <paramref name="schema"/> exists.</summary>
    public SqliteConnection Open(string schema)
    {
        var file = path();
        if (!Applied.ContainsKey((file, schema)))
        {
            CreatePrivate(file);
        }

        var connection = new SqliteConnection($"Data Source={file};Default Timeout=10");
        connection.Open();
        if (!Applied.ContainsKey((file, schema)) || !File.Exists(file))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; {schema}";
            command.ExecuteNonQuery();
            Applied[(file, schema)] = true;
        }

        return connection;
    }

    /// <summary>
    /// The file made private before SQLite creates it (SQLite gives its -wal and -shm files the database's own mode), and
    /// an existing one tightened: it holds users' submitted texts.
    /// </summary>
    private static void CreatePrivate(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(file))
        {
            try
            {
                using var _ = new FileStream(file, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = HearthHome.PrivateFile,
                });
            }
            catch (IOException) when (File.Exists(file))
            {
                // made by another process at the same moment
            }
        }

        foreach (var part in new[] { file, file + "-wal", file + "-shm" })
        {
            HearthHome.MakePrivate(part, HearthHome.PrivateFile);
        }
    }
}
