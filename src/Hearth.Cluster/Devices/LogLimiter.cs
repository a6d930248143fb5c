namespace Hearth.Cluster.Devices;

/// <summary>
/// At most one log line per kind of error per interval for one device, with the number left out since the last: a board
/// sending garbage cannot flood the node's log.
/// </summary>
internal sealed class LogLimiter(TimeProvider time, TimeSpan interval)
{
    private readonly Dictionary<string, (DateTimeOffset Logged, int Left)> kinds = new(StringComparer.Ordinal);

    /// <summary>Whether to log this one now, and how many of its kind were left out before it.</summary>
    public bool ShouldLog(string kind, out int leftOut)
    {
        lock (kinds)
        {
            var now = time.GetUtcNow();
            if (kinds.TryGetValue(kind, out var last) && now - last.Logged < interval)
            {
                kinds[kind] = last with { Left = last.Left + 1 };
                leftOut = 0;
                return false;
            }

            leftOut = kinds.TryGetValue(kind, out last) ? last.Left : 0;
            kinds[kind] = (now, 0);
            return true;
        }
    }
}
