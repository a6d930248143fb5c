using System.IO.Pipelines;
using Hearth.Cluster.Devices;
using Hearth.Hardware.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hearth.Cluster.Tests.Devices;

public sealed class ProtocolTests
{
    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 0x11, 0x22, 0x00, 0x33 })]
    [InlineData(new byte[] { 0x11, 0x00, 0x00, 0x00 })]
    public void Cobs_round_trips_and_leaves_no_zero_byte(byte[] data)
    {
        var encoded = Cobs.Encode(data);

        Assert.DoesNotContain((byte)0, encoded);
        Assert.Equal(data, Cobs.Decode(encoded));
    }

    [Fact]
    public void Cobs_handles_runs_longer_than_254_bytes()
    {
        var data = Enumerable.Range(0, 700).Select(i => (byte)(1 + (i % 250))).ToArray();

        Assert.Equal(data, Cobs.Decode(Cobs.Encode(data)));
    }

    [Fact]
    public void Crc16_is_ccitt_false() => Assert.Equal(0x29B1, Crc16.Compute("123456789"u8));

    [Fact]
    public void A_frame_with_a_flipped_bit_is_refused_with_the_reason()
    {
        var frame = new DevicePacket(DevicePacket.Infer, 7, [1, 2, 3]).ToFrame()[..^1];
        frame[3] ^= 0x10;

        var (packet, error) = DevicePacket.FromFrame(frame);

        Assert.Null(packet);
        Assert.StartsWith("CRC mismatch", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_on_the_line_is_skipped_and_an_impossible_announcement_is_rejected()
    {
        var (toHost, toDevice) = (new Pipe(), new Pipe());
        // A board that claims batches of 16 × 384 inputs with 2 KB of RAM, after some line noise.
        var hello = new DeviceHello(1, 2048, 32768, 0xDEADBEEF, DeviceHello.Int8Dense, 384, 2, 16, "liar-uno");
        var device = Task.Run(async () =>
        {
            var request = await toDevice.Reader.ReadAsync();
            toDevice.Reader.AdvanceTo(request.Buffer.End);
            await toHost.Writer.WriteAsync(new byte[] { 0x05, 0x42, 0x00, 0xFF, 0x13, 0x00 });
            await toHost.Writer.WriteAsync(new DevicePacket(DevicePacket.Hello, 1, Body(hello)).ToFrame());
        });
        await using var gateway = new DeviceGateway(HearthDatabase.InHome(Directory.CreateTempSubdirectory().FullName), NullLoggerFactory.Instance);

        var state = await gateway.ConnectAsync("liar", toHost.Reader.AsStream(), toDevice.Writer.AsStream(), CancellationToken.None);
        await device;

        Assert.Equal("rejected", state.State);
        Assert.Contains("cannot fit in 2048 bytes of RAM", Assert.Single(state.Problems), StringComparison.Ordinal);
        Assert.Equal(2, state.BadFrames);
        var refused = Assert.Throws<DeviceException>(() => gateway.Pair("liar"));
        Assert.Contains("cannot be paired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_that_never_ends_a_frame_or_sends_garbage_is_bounded_and_logged_once_per_kind_with_a_count()
    {
        var (toHost, toDevice) = (new Pipe(), new Pipe());
        var hello = new DeviceHello(1, 2048, 32768, 0xC0FFEE, DeviceHello.Int8Dense, 384, 2, 1, "\u001b[2J\u001b]0;owned\u0007uno\r\n");
        var device = Task.Run(async () =>
        {
            var request = await toDevice.Reader.ReadAsync();
            toDevice.Reader.AdvanceTo(request.Buffer.End);
            var endless = Enumerable.Repeat((byte)0x42, 1 << 20).ToArray();
            for (var i = 0; i < 10; i++)
            {
                await toHost.Writer.WriteAsync(endless); // 10 MB without a frame end
            }

            for (var i = 0; i < 500; i++)
            {
                await toHost.Writer.WriteAsync(new byte[] { 0x05, 0x42, 0x00 }); // 500 malformed frames
            }

            await toHost.Writer.WriteAsync(new DevicePacket(DevicePacket.Hello, 1, Body(hello)).ToFrame());
        });
        var log = new CountingLoggerFactory();
        await using var gateway = new DeviceGateway(HearthDatabase.InHome(Directory.CreateTempSubdirectory().FullName), log);

        var state = await gateway.ConnectAsync("noisy", toHost.Reader.AsStream(), toDevice.Writer.AsStream(), CancellationToken.None,
            TimeSpan.FromSeconds(30));
        await device;

        Assert.Equal(500, state.BadFrames); // the endless run once (with the first malformed frame, which ends it), then 499 more
        Assert.InRange(log.Warnings, 2, 3); // one line per kind (too long, malformed), not 501
        Assert.Equal("?[2J?]0;owned?uno??", state.Hello!.Board); // no escape sequence reaches a terminal
    }

    [Fact]
    public async Task A_line_of_noise_that_never_announces_itself_is_let_go_and_listed_with_the_reason()
    {
        var (toHost, toDevice) = (new Pipe(), new Pipe());
        using var noise = new CancellationTokenSource();
        var device = Task.Run(async () =>
        {
            var junk = new byte[4096];
            new Random(7).NextBytes(junk);
            while (!noise.IsCancellationRequested)
            {
                await toHost.Writer.WriteAsync(junk, noise.Token);
            }
        });
        await using var gateway = new DeviceGateway(HearthDatabase.InHome(Directory.CreateTempSubdirectory().FullName), NullLoggerFactory.Instance);

        await Assert.ThrowsAsync<DeviceException>(() => gateway.ConnectAsync("noise", toHost.Reader.AsStream(), toDevice.Writer.AsStream(),
            CancellationToken.None, TimeSpan.FromMilliseconds(50)));
        await noise.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => device);
        var unread = toHost.Writer.WriteAsync(new byte[128 * 1024]); // more than the pipe holds unread: it waits for a reader
        await Task.Delay(500);

        var listed = Assert.Single(gateway.List());
        Assert.Equal(("noise", "unattached"), (listed.Name, listed.State));
        Assert.Contains("did not announce itself", Assert.Single(listed.Problems), StringComparison.Ordinal);
        Assert.False(unread.IsCompleted, "the gateway still reads a line it gave up on");
    }

    [Fact]
    public void A_device_that_could_not_be_attached_is_listed_with_the_reason()
    {
        var gateway = new DeviceGateway(HearthDatabase.InHome(Directory.CreateTempSubdirectory().FullName), NullLoggerFactory.Instance);

        gateway.Failed("ghost", "not attached (/dev/ttyACM9): no such file");

        var ghost = Assert.Single(gateway.List());
        Assert.Equal(("ghost", "unattached"), (ghost.Name, ghost.State));
        Assert.Equal("not attached (/dev/ttyACM9): no such file", Assert.Single(ghost.Problems));
    }

    private sealed class CountingLoggerFactory : ILoggerFactory, ILogger
    {
        private int warnings;

        public int Warnings => warnings;

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref warnings);
            }
        }
    }

    private static byte[] Body(DeviceHello hello)
    {
        var body = new byte[16 + hello.Board.Length];
        body[0] = (byte)hello.Version;
        BitConverter.TryWriteBytes(body.AsSpan(1), (ushort)hello.RamBytes);
        BitConverter.TryWriteBytes(body.AsSpan(3), (uint)hello.FlashBytes);
        BitConverter.TryWriteBytes(body.AsSpan(7), hello.FirmwareHash);
        body[11] = hello.Ops;
        BitConverter.TryWriteBytes(body.AsSpan(12), (ushort)hello.InputSize);
        (body[14], body[15]) = ((byte)hello.OutputSize, (byte)hello.MaxBatch);
        System.Text.Encoding.ASCII.GetBytes(hello.Board, body.AsSpan(16));
        return body;
    }
}
