namespace Hearth.Cluster.Devices;

/// <summary>Consistent Overhead Byte Stuffing: a frame holds no 0x00, so 0x00 can end every frame.</summary>
public static class Cobs
{
    public static byte[] Encode(ReadOnlySpan<byte> data)
    {
        var output = new byte[data.Length + (data.Length / 254) + 2];
        int codeAt = 0, at = 1;
        byte code = 1;
        foreach (var b in data)
        {
            if (b == 0)
            {
                (output[codeAt], codeAt, code) = (code, at++, 1);
                continue;
            }

            output[at++] = b;
            if (++code == 0xFF)
            {
                (output[codeAt], codeAt, code) = (code, at++, 1);
            }
        }

        output[codeAt] = code;
        return output[..at];
    }

    /// <summary>The decoded bytes, or null when the frame is not valid COBS.</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> frame)
    {
        var output = new List<byte>(frame.Length);
        var at = 0;
        while (at < frame.Length)
        {
            var code = frame[at++];
            if (code == 0 || at + code - 1 > frame.Length)
            {
                return null;
            }

            output.AddRange(frame.Slice(at, code - 1));
            at += code - 1;
            if (code != 0xFF && at < frame.Length)
            {
                output.Add(0);
            }
        }

        return [.. output];
    }
}
