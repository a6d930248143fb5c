using System.IO.Pipelines;
using Hearth.Cluster.Devices;
using Hearth.Hardware.History;
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
