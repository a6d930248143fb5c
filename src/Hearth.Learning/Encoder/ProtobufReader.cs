namespace Hearth.Learning.Encoder;

/// <summary>A protobuf wire-format reader over one message.</summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> bytes = bytes;
    private int position;

    public readonly bool End => position >= bytes.Length;

    /// <summary>Bytes read so far: with the position before <see cref="Next"/>, a field can be copied as it is.</summary>
    public readonly int Position => position;

    public bool Next(out int field, out int wire)
    {
        if (End)
        {
            (field, wire) = (0, 0);
            return false;
        }

        var key = Varint();
        (field, wire) = ((int)(key >> 3), (int)(key & 7));
        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public uint Fixed32()
    {
        var value = BitConverter.ToUInt32(bytes.Slice(position, 4));
        position += 4;
        return value;
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var slice = bytes.Slice(position, length);
        position += length;
        return slice;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case 0: Varint(); break;
            case 1: position += 8; break;
            case 2: Bytes(); break;
            case 5: position += 4; break;
            default: throw new InvalidDataException($"protobuf wire type {wire} is not one ONNX uses");
        }
    }
}
