using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Server;

namespace Hearth.Cluster.Devices;

/// <summary>
/// Wi-Fi boards speak the serial protocol's very frames over MQTT, to the broker embedded in the node (MQTTnet):
/// a board named NAME publishes to <c>hearth/devices/NAME/up</c> and listens on <c>hearth/devices/NAME/down</c>.
/// The first frame from a name attaches it to the gateway like a serial board (announce, pairing, retries).
/// </summary>
public sealed partial class MqttDeviceBroker(HearthClusterOptions options, DeviceGateway gateway, ILogger<MqttDeviceBroker> logger)
    : BackgroundService
{
    public const string Prefix = "hearth/devices/";

    private readonly ConcurrentDictionary<string, Pipe> boards = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttServer? server;
    private CancellationToken stopping;

    /// <summary>Completes once the broker listens.</summary>
    public Task Started => started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.MqttPort is not { } port)
        {
            return;
        }

        stopping = stoppingToken;
        var factory = new MqttServerFactory();
        server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(options.AdvertisedAddress).WithDefaultEndpointPort(port).Build());
        server.InterceptingPublishAsync += FromBoardAsync;
        await server.StartAsync().ConfigureAwait(false);
        LogListening(options.AdvertisedAddress, port);
        started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            server.Dispose();
        }
    }

    private async Task FromBoardAsync(InterceptingPublishEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith("/up", StringComparison.Ordinal))
        {
            return;
        }

        var name = topic[Prefix.Length..^"/up".Length];
        var line = boards.GetOrAdd(name, board =>
        {
            var pipe = new Pipe();
            _ = AttachAsync(board, pipe);
            return pipe;
        });
        await line.Writer.WriteAsync(e.ApplicationMessage.Payload.ToArray(), stopping).ConfigureAwait(false);
    }

    private async Task AttachAsync(string name, Pipe line)
    {
        try
        {
            await gateway.ConnectAsync(name, line.Reader.AsStream(), new DownStream(this, name), stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DeviceException or OperationCanceledException)
        {
            boards.TryRemove(name, out _);
            LogNotAttached(name, e.Message);
        }
    }

    private Task ToBoardAsync(string name, byte[] frame, CancellationToken cancellationToken) =>
        server!.InjectApplicationMessage(
            new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder().WithTopic($"{Prefix}{name}/down").WithPayload(frame).Build())
            {
                SenderClientId = "hearth-gateway",
            },
            cancellationToken);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information,
        Message = "MQTT broker for Wi-Fi boards on {Address}:{Port} (topics hearth/devices/NAME/up and /down)")]
    private partial void LogListening(System.Net.IPAddress address, int port);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Wi-Fi board {Device} not attached: {Reason}")]
    private partial void LogNotAttached(string device, string reason);

    /// <summary>What the gateway writes to a board: each write is one MQTT message on its down topic.</summary>
    private sealed class DownStream(MqttDeviceBroker broker, string name) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(broker.ToBoardAsync(name, buffer.ToArray(), cancellationToken));

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
