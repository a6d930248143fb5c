namespace Hearth.Hardware.Watchdog;

/// <summary>An alert: raised when a rule's condition has held long enough, cleared when it stops holding.</summary>
/// <param name="Key">Rule and subject, e.g. <c>cold-gpu-job:job 12</c>: one alert per key at a time.</param>
/// <param name="Rule">The rule's name (docs/watchdog.md), or <c>manual</c> for one raised through the API.</param>
/// <param name="Subject">What it is about: a device, a job, a series.</param>
public sealed record Alert(string Key, string Rule, Severity Severity, string Subject, string Message, DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt = null)
{
    public bool Active => ClearedAt is null;
}
