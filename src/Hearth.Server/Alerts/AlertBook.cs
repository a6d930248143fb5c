using System.Text.Json;
using Hearth.Hardware;
using Hearth.Hardware.Watchdog;
using Hearth.Server.Live;

namespace Hearth.Server.Alerts;

/// <summary>
/// The node's alerts: the watchdog's and those raised through the API. Each change is kept (SQLite),
/// shown live (dashboard) and sent to the webhook when one is set.
/// </summary>
public sealed class AlertBook(AlertStore store, LiveHub hub, WebhookNotifier webhook, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Alert> manual = [];
    private IReadOnlyList<Alert> watchdogActive = [];

    public IReadOnlyList<Alert> Active
    {
        get
        {
            lock (gate)
            {
                return [.. watchdogActive.Concat(manual.Values).OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt)];
            }
        }
    }

    /// <summary>Records the watchdog's changes of one tick.</summary>
    public void Record(IReadOnlyList<Alert> changes, IReadOnlyList<Alert> active)
    {
        lock (gate)
        {
            watchdogActive = active;
        }

        foreach (var change in changes)
        {
            Publish(change);
        }
    }

    /// <summary>Raises an alert from outside the watchdog (a user's script, a test).</summary>
    public Alert Raise(string subject, string message, Severity severity)
    {
        var alert = new Alert($"manual:{subject}", "manual", severity, subject, message, time.GetUtcNow());
        lock (gate)
        {
            manual[alert.Key] = alert;
        }

        Publish(alert);
        return alert;
    }

    /// <summary>Clears a manual alert; false when there is none with that subject.</summary>
    public bool Clear(string subject)
    {
        Alert? cleared;
        lock (gate)
        {
            if (!manual.Remove($"manual:{subject}", out var alert))
            {
                return false;
            }

            cleared = alert with { ClearedAt = time.GetUtcNow() };
        }

        Publish(cleared);
        return true;
    }

    private void Publish(Alert alert)
    {
        store.Save(alert);
        hub.Publish(new ServerEvent("alert", JsonSerializer.Serialize(alert, HearthJson.Compact)));
        webhook.Notify(alert);
    }
}
