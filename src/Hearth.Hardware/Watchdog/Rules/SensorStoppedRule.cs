namespace Hearth.Hardware.Watchdog.Rules;

/// <summary>A sensor that reported and then went silent for 30 s (a GPU fallen off the bus, a crashed driver).</summary>
public sealed class SensorStoppedRule : IWatchRule
{
    public static readonly TimeSpan For = TimeSpan.FromSeconds(30);

    public string Name => "sensor-stopped";

    public Severity Severity => Severity.Warning;

    public IEnumerable<(string Subject, string Message)> Find(WatchContext context)
    {
        foreach (var name in context.Series.Names())
        {
            var points = context.Series.Points(name);
            var lastAnswer = points.LastOrDefault(p => p.Value is not null);
            if (lastAnswer.Value is not null && lastAnswer.At < context.Now - For && points[0].At <= context.Now - For)
            {
                yield return (name, $"{name} stopped reporting {(context.Now - lastAnswer.At).TotalSeconds:0} s ago (last value "
                    + $"{lastAnswer.Value:0.##}): check the device and its driver");
            }
        }
    }
}
