using Hearth.Hardware.Watchdog.Rules;

namespace Hearth.Hardware.Watchdog;

/// <summary>
/// Evaluates the rules on every tick and turns their findings into alerts: raised once when a condition
/// appears, cleared when it goes away. Thresholds are in each rule and in docs/watchdog.md.
/// </summary>
public sealed class WatchdogEngine(IReadOnlyList<IWatchRule> rules)
{
    private readonly Dictionary<string, Alert> active = [];

    public static IReadOnlyList<IWatchRule> DefaultRules { get; } =
        [new ColdGpuJobRule(), new ThrottlingRule(), new GpuMemoryIdleRule(), new CpuSaturatedGpuIdleRule(), new SensorStoppedRule()];

    public IReadOnlyList<Alert> Active => [.. active.Values];

    /// <summary>Returns the alerts raised and cleared by this evaluation.</summary>
    public IReadOnlyList<Alert> Evaluate(WatchContext context)
    {
        var changes = new List<Alert>();
        var found = new HashSet<string>();
        foreach (var rule in rules)
        {
            foreach (var (subject, message) in rule.Find(context))
            {
                var key = $"{rule.Name}:{subject}";
                found.Add(key);
                if (!active.ContainsKey(key))
                {
                    var alert = new Alert(key, rule.Name, rule.Severity, subject, message, context.Now);
                    active[key] = alert;
                    changes.Add(alert);
                }
            }
        }

        foreach (var key in active.Keys.Where(k => !found.Contains(k)).ToList())
        {
            changes.Add(active[key] with { ClearedAt = context.Now });
            active.Remove(key);
        }

        return changes;
    }
}
