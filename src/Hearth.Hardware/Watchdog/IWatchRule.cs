namespace Hearth.Hardware.Watchdog;

/// <summary>A watchdog rule: finds the subjects for which its condition holds right now.</summary>
public interface IWatchRule
{
    /// <summary>Stable name, documented in docs/watchdog.md.</summary>
    string Name { get; }

    Severity Severity { get; }

    IEnumerable<(string Subject, string Message)> Find(WatchContext context);
}
