namespace Hearth.Hardware.Runs;

/// <summary>A program run through <c>hearth run</c>, and how it went.</summary>
/// <param name="Expect">"gpu", "cpu", or null when nothing was expected.</param>
/// <param name="Pid">The root of the job's process tree.</param>
/// <param name="Verdict">The closing sentence ("ran 14 min 02 s; GPU 0 busy 0% … → it ran on the CPU"), once finished.</param>
/// <param name="ExpectationMet">Whether it ran where <paramref name="Expect"/> said, once finished.</param>
public sealed record RunRecord(
    long Id,
    string Command,
    string? Expect,
    int Pid,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int? ExitCode,
    string? Verdict,
    bool? ExpectationMet);
