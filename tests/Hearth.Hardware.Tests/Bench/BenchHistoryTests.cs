using Hearth.Hardware.Bench;
using Hearth.Hardware.History;

namespace Hearth.Hardware.Tests.Bench;

public sealed class BenchHistoryTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("hearth-history-").FullName;

    [Fact]
    public void Runs_are_appended_to_an_sqlite_file_and_the_previous_run_is_found_for_comparison()
    {
        var history = new BenchHistory(HearthDatabase.InHome(home));
        var first = Result(100, 10);
        var second = Result(150, 9);

        var firstId = history.Append(first);
        var secondId = history.Append(second);

        Assert.True(File.Exists(Path.Combine(home, "hearth.db")));
        Assert.Equal(2, history.Count());
        Assert.Null(history.Previous(firstId));
        var changes = BenchChange.Compare(second.Figures, history.Previous(secondId));
        Assert.Equal(50, changes.Single(c => c.Now.Metric == "sgemm").ChangePercent!.Value, 6);
        Assert.Equal(-10, changes.Single(c => c.Now.Metric == "triad").ChangePercent!.Value, 6);
    }

    [Fact]
    public void A_figure_the_previous_run_did_not_have_is_new()
    {
        var changes = BenchChange.Compare(Result(1, 1).Figures, null);

        Assert.All(changes, c => Assert.Null(c.ChangePercent));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(home, recursive: true);
    }

    private static BenchResult Result(double gflops, double bandwidth) => new(
        DateTimeOffset.UnixEpoch,
        "test-host",
        [new BenchDevice("cpu", "Test CPU", 500, null, "test")],
        [
            new BenchFigure("cpu", "sgemm", 1024, gflops, "GFLOPS", gflops / 5, "AVX2+FMA 6×16"),
            new BenchFigure("cpu", "triad", 0, bandwidth, "GB/s", null, "C# SIMD (TensorPrimitives)"),
        ],
        []);
}
