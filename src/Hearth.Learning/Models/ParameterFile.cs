using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Hearth.Learning.Models;

/// <summary>A file that is not a Hearth model, or is damaged.</summary>
public sealed class ModelFileException(string message) : Exception(message);

/// <summary>
/// Named float tensors in one file: "HEARTHW1" (32-bit floats) or "HEARTHQ8" (8-bit integers in blocks of 64 values,
/// each block with its own scale: a quarter of the size, for models that ship), a count, then each name, length and
/// little-endian values. Written through a temporary file (whole or not at all); read back only if its SHA-256 is the
/// expected one.
/// </summary>
public static class ParameterFile
{
    /// <summary>Values per scale in the 8-bit format.</summary>
    public const int Block = 64;

    private static readonly byte[] Magic = "HEARTHW1"u8.ToArray();
    private static readonly byte[] Int8Magic = "HEARTHQ8"u8.ToArray();

    /// <summary>Writes the tensors (in 8-bit blocks when <paramref name="quantized"/>); returns the file's SHA-256 (hex).</summary>
    public static string Write(string path, IEnumerable<(string Name, float[] Values)> tensors, bool quantized = false)
    {
        var partial = path + ".partial";
        using (var file = File.Create(partial))
        using (var writer = new BinaryWriter(file, Encoding.UTF8))
        {
            var list = tensors.ToList();
            writer.Write(quantized ? Int8Magic : Magic);
            writer.Write(list.Count);
            foreach (var (name, values) in list)
            {
                writer.Write(name);
                writer.Write(values.Length);
                if (quantized)
                {
                    WriteInt8(writer, values);
                }
                else
                {
                    writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
                }
            }
        }

        File.Move(partial, path, overwrite: true);
        return Hash(path);
    }

    /// <summary>Each block: its scale (the largest magnitude / 127) as a float, then its values / scale rounded to sbytes.</summary>
    private static void WriteInt8(BinaryWriter writer, float[] values)
    {
        var bytes = new sbyte[Block];
        for (var start = 0; start < values.Length; start += Block)
        {
            var block = values.AsSpan(start, Math.Min(Block, values.Length - start));
            var scale = TensorPrimitives.MaxMagnitude(block) / 127f;
            writer.Write(scale);
            for (var i = 0; i < block.Length; i++)
            {
                bytes[i] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(block[i] / scale), -127, 127);
            }

            writer.Write(MemoryMarshal.AsBytes(bytes.AsSpan(0, block.Length)));
        }
    }

    private static void ReadInt8(BinaryReader reader, float[] values)
    {
        var bytes = new sbyte[Block];
        for (var start = 0; start < values.Length; start += Block)
        {
            var count = Math.Min(Block, values.Length - start);
            var scale = reader.ReadSingle();
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(bytes.AsSpan(0, count)));
            for (var i = 0; i < count; i++)
            {
                values[start + i] = bytes[i] * scale;
            }
        }
    }

    /// <summary>The tensors of a file whose SHA-256 is <paramref name="sha256"/> (null: not checked).</summary>
    public static Dictionary<string, float[]> Read(string path, string? sha256)
    {
        if (sha256 is not null && Hash(path) != sha256)
        {
            throw new ModelFileException($"{path} is damaged (its SHA-256 is not the one its card records): train the model again");
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var magic = reader.ReadBytes(Magic.Length);
        var int8 = magic.SequenceEqual(Int8Magic);
        if (!int8 && !magic.SequenceEqual(Magic))
        {
            throw new ModelFileException($"{path} is not a Hearth weights file (format HEARTHW1 or HEARTHQ8)");
        }

        try
        {
            var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (int i = 0, count = reader.ReadInt32(); i < count; i++)
            {
                var name = reader.ReadString();
                var values = new float[reader.ReadInt32()];
                if (int8)
                {
                    ReadInt8(reader, values);
                }
                else
                {
                    reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
                }

                tensors[name] = values;
            }

            return tensors;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or OutOfMemoryException)
        {
            throw new ModelFileException($"{path} is truncated or damaged ({e.Message}): train the model again");
        }
    }

    public static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
