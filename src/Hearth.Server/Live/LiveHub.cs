using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Hearth.Server.Live;

/// <summary>Fans events out to every live subscriber; a slow one loses its oldest events rather than slowing the node.</summary>
public sealed class LiveHub
{
    private readonly ConcurrentDictionary<Guid, Channel<ServerEvent>> subscribers = new();

    public int Subscribers => subscribers.Count;

    public void Publish(ServerEvent serverEvent)
    {
        foreach (var channel in subscribers.Values)
        {
            channel.Writer.TryWrite(serverEvent);
        }
    }

    /// <summary>Subscribes until the returned handle is disposed.</summary>
    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<ServerEvent>(new BoundedChannelOptions(120) { FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true });
        subscribers[id] = channel;
        return new Subscription(channel.Reader, () => subscribers.TryRemove(id, out _));
    }

    public sealed class Subscription(ChannelReader<ServerEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<ServerEvent> Reader => reader;

        public void Dispose() => unsubscribe();
    }
}
