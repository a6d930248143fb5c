namespace Hearth.Hardware.Telemetry;

/// <summary>The last minutes of every series in memory, for the watchdog, live views and new subscribers.</summary>
public sealed class LiveSeries(TimeSpan window)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<TimedValue>> series = [];

    /// <summary>The newest snapshot added.</summary>
    public TelemetrySnapshot? Latest { get; private set; }

    public void Add(TelemetrySnapshot snapshot)
    {
        lock (gate)
        {
            Latest = snapshot;
            foreach (var (name, value) in snapshot.Values)
            {
                if (!series.TryGetValue(name, out var points))
                {
                    series[name] = points = new Queue<TimedValue>();
                }

                points.Enqueue(new TimedValue(snapshot.At, value));
            }

            // A series that is no longer reported still ages out.
            foreach (var points in series.Values)
            {
                while (points.Count > 0 && points.Peek().At < snapshot.At - window)
                {
                    points.Dequeue();
                }
            }
        }
    }

    public IReadOnlyList<TimedValue> Points(string name)
    {
        lock (gate)
        {
            return series.TryGetValue(name, out var points) ? [.. points] : [];
        }
    }

    public IReadOnlyList<string> Names()
    {
        lock (gate)
        {
            return [.. series.Keys.Order(StringComparer.Ordinal)];
        }
    }
}
