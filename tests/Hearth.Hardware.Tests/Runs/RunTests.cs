using Hearth.Hardware.History;
using Hearth.Hardware.Runs;
using Hearth.Hardware.Telemetry;

namespace Hearth.Hardware.Tests.Runs;

public sealed class RunTests : IDisposable
{
    private static readonly DeviceDescriptor[] Devices = [new("cpu", "cpu", "CPU", null, null), new("gpu0", "gpu", "NVIDIA H200", "GPU-0", null)];
    private readonly string home = Directory.CreateTempSubdirectory("hearth-jobs-").FullName;

    [Fact]
    public void The_observer_follows_children_and_grandchildren_and_attributes_their_gpu_memory()
    {
        var observer = new RunObserver(100, Devices);
        ProcessUsage[] processes =
        [
            new(100, 1, "bash", 0, null, null, null),
            new(101, 100, "python3", 150, null, null, null),
            new(102, 101, "worker", 50, null, null, null),
            new(200, 1, "someone else", 100, null, null, null),
            new(102, 101, "worker", 0, "gpu0", 2L << 30, 90),
            new(200, 1, "someone else", 0, "gpu0", 8L << 30, 5),
        ];

        observer.Observe(new TelemetrySnapshot(DateTimeOffset.UnixEpoch, new Dictionary<string, double?> { ["gpu0.util"] = 95 }, processes),
            TimeSpan.FromSeconds(1));
        var summary = observer.Summarize(TimeSpan.FromSeconds(1), measuredCpuSeconds: null, cores: 4);

        Assert.Equal([100, 101, 102], observer.Tree.Order());
        Assert.Equal(2, summary.CpuSeconds, 6); // 150% + 50% for one second; not the other user's 100%
        var gpu = Assert.Single(summary.Gpus);
        Assert.Equal((2L << 30, 90.0, 95.0), (gpu.MaxMemoryBytes, gpu.MeanProcessSm!.Value, gpu.MeanUtilization!.Value));
        Assert.True(gpu.Used);
    }

    [Fact]
    public void A_job_that_never_touched_the_gpu_is_judged_as_running_on_the_cpu_with_the_likely_cause()
    {
        var job = new RunSummary(TimeSpan.FromSeconds(842), 1650, 2, [new GpuUse("gpu0", "NVIDIA H200", 0, 0, null)]);

        var verdict = RunVerdict.Judge(job, "gpu", "CUDA_VISIBLE_DEVICES='' hides all 1 GPU(s) (unset CUDA_VISIBLE_DEVICES)");

        Assert.Equal("ran 14 min 02 s; gpu0 busy 0%, 0 MiB held by this job; 1.96 CPU cores busy (98% of 2) → this job ran on the CPU, not the "
            + "GPU. Likely cause: CUDA_VISIBLE_DEVICES='' hides all 1 GPU(s) (unset CUDA_VISIBLE_DEVICES)", verdict.Text);
        Assert.False(verdict.ExpectationMet);
        Assert.False(verdict.UsedGpu);
    }

    [Fact]
    public void Inside_a_container_a_busy_gpu_whose_processes_cannot_be_matched_counts_by_timing_and_says_so()
    {
        var observer = new RunObserver(100, Devices);
        ProcessUsage[] processes =
        [
            new(100, 1, "python3", 80, null, null, null),
            new(873421, 0, "", 0, "gpu0", 30L << 30, null), // a host PID, invisible in this namespace
        ];

        observer.Observe(new TelemetrySnapshot(DateTimeOffset.UnixEpoch, new Dictionary<string, double?> { ["gpu0.util"] = 99 }, processes),
            TimeSpan.FromSeconds(1));
        var verdict = RunVerdict.Judge(observer.Summarize(TimeSpan.FromSeconds(1), 0.8, 16), "gpu", null);

        Assert.True(verdict.ExpectationMet);
        Assert.Contains("matched by timing", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_held_on_an_idle_gpu_is_not_gpu_work()
    {
        var job = new RunSummary(TimeSpan.FromMinutes(3), 170, 2, [new GpuUse("gpu0", "NVIDIA H200", 1, 500L << 20, 0)]);

        var verdict = RunVerdict.Judge(job, "gpu", null);

        Assert.Contains("held memory on gpu0 but left it idle", verdict.Text, StringComparison.Ordinal);
        Assert.False(verdict.ExpectationMet);
    }

    [Fact]
    public void A_busy_gpu_job_meets_a_gpu_expectation_and_fails_a_cpu_one()
    {
        var job = new RunSummary(TimeSpan.FromHours(1.5), 5400, 8, [new GpuUse("gpu0", "NVIDIA H200", 97, 70L << 30, 96)]);

        Assert.True(RunVerdict.Judge(job, "gpu", null).ExpectationMet);
        Assert.False(RunVerdict.Judge(job, "cpu", null).ExpectationMet);
        Assert.StartsWith("ran 1 h 30 min 00 s; gpu0 busy 96%, 71680 MiB held by this job", RunVerdict.Judge(job, null, null).Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_are_recorded_running_then_finished()
    {
        var store = new RunStore(HearthDatabase.InHome(home));
        var at = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

        var id = store.Start("python3 train.py", "gpu", 4242, at);
        var running = Assert.Single(store.Running());
        store.Finish(id, at.AddMinutes(14), 0, "ran 14 min 02 s; …", expectationMet: false);

        Assert.Equal(("python3 train.py", "gpu", 4242), (running.Command, running.Expect, running.Pid));
        Assert.Empty(store.Running());
        var done = store.Find(id)!;
        Assert.Equal((at.AddMinutes(14), 0, false), (done.EndedAt!.Value, done.ExitCode!.Value, done.ExpectationMet!.Value));
        Assert.Equal(id, Assert.Single(store.Recent(10)).Id);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(home, recursive: true);
    }
}
