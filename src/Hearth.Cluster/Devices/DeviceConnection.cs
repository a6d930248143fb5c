using System.Buffers.Binary;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Hearth.Cluster.Devices;

/// <summary>
/// One board on a byte stream (a serial port, an emulator's pipe): frames in and out, the board's announcement,
/// and int8 inference with retries. A CRC error, a lost reply or a board reset in the middle of a request makes
/// the request go again (up to <see cref="MaxAttempts"/>); nothing is lost, and a request is answered once.
/// </summary>
public sealed partial class DeviceConnection : IAsyncDisposable
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// The longest frame read from a board: protocol 1's largest message (255 int32 results) fits with room. A longer run of
    /// bytes without a frame end is dropped, with one error, so a board that never ends a frame cannot fill the node's memory.
    /// </summary>
    public const int MaxFrameBytes = 2048;

    /// <summary>Packets kept for requests that have not read them yet; the oldest go first when a board floods the line.</summary>
    private const int MaxWaitingPackets = 64;

    private readonly Stream fromDevice;
    private readonly Stream toDevice;
    private readonly ILogger logger;
    private readonly Channel<DevicePacket> incoming = Channel.CreateBounded<DevicePacket>(
        new BoundedChannelOptions(MaxWaitingPackets) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly LogLimiter badFrameLog = new(TimeProvider.System, TimeSpan.FromSeconds(10));
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly Task reader;
    private byte sequence;

    public DeviceConnection(string name, Stream fromDevice, Stream toDevice, ILogger logger, TimeSpan? replyTimeout = null)
    {
        Name = name;
        this.fromDevice = fromDevice;
        this.toDevice = toDevice;
        this.logger = logger;
        ReplyTimeout = replyTimeout ?? TimeSpan.FromSeconds(2);
        reader = Task.Run(ReadFramesAsync);
    }

    public string Name { get; }

    public TimeSpan ReplyTimeout { get; }

    /// <summary>The board's latest announcement (it announces at boot, so again after a reset).</summary>
    public DeviceHello? Hello { get; private set; }

    /// <summary>Requests sent again after an error, a timeout or a reset.</summary>
    public int Retries { get; private set; }

    /// <summary>Frames that could not be read (bad CRC, bad COBS, too short, too long).</summary>
    public int BadFrames { get; private set; }

    /// <summary>Asks the board to announce itself and waits for it.</summary>
    public async Task<DeviceHello> AnnounceAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await SendAsync(new DevicePacket(DevicePacket.HelloRequest, Next(), []), cancellationToken).ConfigureAwait(false);
                var reply = await ReceiveAsync(p => p.Type == DevicePacket.Hello, cancellationToken).ConfigureAwait(false);
                if (reply is not null && Hello is { } hello)
                {
                    return hello;
                }

                if (attempt == MaxAttempts)
                {
                    throw new DeviceException($"device {Name} did not announce itself after {MaxAttempts} requests: is the firmware running, at "
                        + $"500 kbaud?");
                }
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>The board's int32 accumulators for one int8 input vector.</summary>
    public async Task<int[]> InferAsync(sbyte[] input, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var body = new byte[input.Length + 1];
            body[0] = 1;
            Buffer.BlockCopy(input, 0, body, 1, input.Length);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var request = new DevicePacket(DevicePacket.Infer, Next(), body);
                await SendAsync(request, cancellationToken).ConfigureAwait(false);
                // A reply to this request, an error, or a new announcement (the board was reset): anything else is stale.
                var reply = await ReceiveAsync(p => p.Sequence == request.Sequence || p.Type is DevicePacket.Error or DevicePacket.Hello,
                    cancellationToken).ConfigureAwait(false);
                if (reply is { Type: DevicePacket.Result } result && result.Sequence == request.Sequence)
                {
                    return Accumulators(result);
                }

                Retries++;
                LogRetry(Name, request.Sequence, attempt, reply switch
                {
                    null => $"no reply within {ReplyTimeout.TotalMilliseconds:N0} ms",
                    { Type: DevicePacket.Hello } => "the board was reset",
                    { Type: DevicePacket.Error, Body.Length: > 0 } e => $"the board reported error {e.Body[0]} ({ErrorName(e.Body[0])})",
                    _ => $"unexpected reply type 0x{reply.Type:X2}",
                });
            }

            throw new DeviceException($"device {Name} failed {MaxAttempts} times in a row on one request: check its wiring and power");
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        stop.Dispose();
        oneAtATime.Dispose();
    }

    private byte Next() => sequence = (byte)((sequence + 1) % DevicePacket.UnknownSequence);

    private async Task SendAsync(DevicePacket packet, CancellationToken cancellationToken)
    {
        while (incoming.Reader.TryRead(out _))
        {
            // Whatever came before this request (a boot announcement, a late reply) does not answer it.
        }

        await toDevice.WriteAsync(packet.ToFrame(), cancellationToken).ConfigureAwait(false);
        await toDevice.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<DevicePacket?> ReceiveAsync(Func<DevicePacket, bool> wanted, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        try
        {
            while (true)
            {
                var packet = await incoming.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (wanted(packet))
                {
                    return packet;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static int[] Accumulators(DevicePacket result)
    {
        var count = result.Body[0];
        var values = new int[(result.Body.Length - 1) / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(result.Body.AsSpan(1 + (4 * i)));
        }

        return count == 1 ? values : throw new DeviceException($"asked for one result, the board sent {count}");
    }

    private async Task ReadFramesAsync()
    {
        var buffer = new byte[4096];
        var frame = new List<byte>();
        var tooLong = false;
        while (!stop.IsCancellationRequested)
        {
            var read = await fromDevice.ReadAsync(buffer, stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                LogClosed(Name);
                return;
            }

            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b != 0)
                {
                    if (frame.Count < MaxFrameBytes)
                    {
                        frame.Add(b);
                    }
                    else if (!tooLong)
                    {
                        tooLong = true;
                        BadFrame($"frame longer than {MaxFrameBytes} bytes, dropped up to its end");
                    }

                    continue;
                }

                if (frame.Count > 0 && !tooLong)
                {
                    Accept([.. frame]);
                }

                frame.Clear();
                tooLong = false;
            }
        }
    }

    private void Accept(byte[] frame)
    {
        var (packet, error) = DevicePacket.FromFrame(frame);
        if (packet is null)
        {
            BadFrame(error!);
            return;
        }

        if (packet.Type == DevicePacket.Hello)
        {
            Hello = DeviceHello.Parse(packet.Body);
            if (Hello is null)
            {
                BadFrame($"announcement too short ({packet.Body.Length} bytes)");
                return;
            }
        }

        incoming.Writer.TryWrite(packet);
    }

    /// <summary>Counts a frame that could not be used, and logs it unless its kind was logged in the last 10 seconds.</summary>
    private void BadFrame(string reason)
    {
        BadFrames++;
        var kind = reason.Split(" (")[0].Split(':')[0]; // "frame too short (3 bytes)" and "(5 bytes)" are one kind
        if (badFrameLog.ShouldLog(kind, out var leftOut))
        {
            LogBadFrame(Name, reason, leftOut);
        }
    }

    private static string ErrorName(byte code) => code switch
    {
        1 => "CRC mismatch",
        2 => "unknown message type",
        3 => "bad length",
        4 => "frame too long",
        _ => "unknown error",
    };

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "device {Device}: request {Sequence} sent again (attempt {Attempt}): {Reason}")]
    private partial void LogRetry(string device, byte sequence, int attempt, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "device {Device}: frame ignored: {Reason} ({LeftOut} more of this kind not logged since the last)")]
    private partial void LogBadFrame(string device, string reason, int leftOut);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "device {Device}: the line was closed")]
    private partial void LogClosed(string device);
}

/// <summary>A device that cannot do what was asked; the message says what to check.</summary>
public sealed class DeviceException(string message) : Exception(message);
