using Hearth.Hardware.History;

namespace Hearth.Hardware.Tests.History;

/// <summary>The Hearth home holds users' texts and the node's token: private to its owner, as PostgreSQL's data directory is.</summary>
public sealed class HearthHomeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("hearth-home-").FullName;

    [Fact]
    public void A_new_home_is_0700_and_its_database_and_journal_files_0600()
    {
        var home = HearthHome.Resolve(Path.Combine(root, "new"));
        var database = HearthDatabase.InHome(home);

        using (var connection = database.Open("CREATE TABLE IF NOT EXISTS t (x INTEGER);"))
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t VALUES (1);";
            insert.ExecuteNonQuery();
            Assert.Equal(HearthHome.PrivateFile, File.GetUnixFileMode(database.FilePath + "-wal"));
        }

        Assert.Equal(HearthHome.PrivateDirectory, File.GetUnixFileMode(home));
        Assert.Equal(HearthHome.PrivateFile, File.GetUnixFileMode(database.FilePath));
    }

    [Fact]
    public void An_existing_home_and_database_readable_by_others_are_made_private()
    {
        var home = Directory.CreateDirectory(Path.Combine(root, "old")).FullName;
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101); // 0755, as older Hearths made it
        var file = Path.Combine(home, "hearth.db");
        File.WriteAllBytes(file, []);
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100); // 0644

        using (HearthDatabase.InHome(HearthHome.Resolve(home)).Open("CREATE TABLE IF NOT EXISTS t (x INTEGER);"))
        {
        }

        Assert.Equal(HearthHome.PrivateDirectory, File.GetUnixFileMode(home));
        Assert.Equal(HearthHome.PrivateFile, File.GetUnixFileMode(file));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
