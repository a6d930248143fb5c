using System.Buffers.Binary;

namespace Hearth.Cluster.Devices;

/// <summary>
/// One message of the device protocol (firmware/dense/protocol.h): type, sequence number and body; on the wire,
/// COBS(type, sequence, body, CRC-16 little-endian) then 0x00. The same bytes travel over serial and MQTT.
/// </summary>
public sealed record DevicePacket(byte Type, byte Sequence, byte[] Body)
{
    public const byte Hello = 0x01;
    public const byte HelloRequest = 0x02;
    public const byte Infer = 0x10;
    public const byte Result = 0x11;
    public const byte Error = 0x7F;

    /// <summary>The sequence a device uses when it cannot tell which request failed (a frame it could not read).</summary>
    public const byte UnknownSequence = 0xFF;

    /// <summary>The frame, delimiter included.</summary>
    public byte[] ToFrame()
    {
        var raw = new byte[Body.Length + 4];
        (raw[0], raw[1]) = (Type, Sequence);
        Body.CopyTo(raw, 2);
        BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(raw.Length - 2), Crc16.Compute(raw.AsSpan(0, raw.Length - 2)));
        return [.. Cobs.Encode(raw), 0];
    }

    /// <summary>Reads a frame (without its delimiter); the error says what is wrong with a bad one.</summary>
    public static (DevicePacket? Packet, string? Error) FromFrame(ReadOnlySpan<byte> frame)
    {
        var raw = Cobs.Decode(frame);
        if (raw is null)
        {
            return (null, $"malformed frame ({frame.Length} bytes, not COBS)");
        }

        if (raw.Length < 4)
        {
            return (null, $"frame too short ({raw.Length} bytes)");
        }

        var crc = BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(raw.Length - 2));
        var expected = Crc16.Compute(raw.AsSpan(0, raw.Length - 2));
        return crc != expected
            ? (null, $"CRC mismatch (0x{crc:X4}, expected 0x{expected:X4})")
            : (new DevicePacket(raw[0], raw[1], raw[2..^2]), null);
    }
}
