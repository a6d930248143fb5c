using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Hearth.Learning.Models;

/// <summary>A file that is not a Hearth model, or is damaged.</summary>
public sealed class ModelFileException(string message) : Exception(message);

/// <summary>
/// Named float tensors in one file: "HEARTHW1" (32-bit floats) or "HEARTHH1" (16-bit, half the size: for models that
/// ship), a count, then each name, length and little-endian values. Written through a temporary file (whole or not at
/// all); read back only if its SHA-256 is the expected one.
/// </summary>
public static class ParameterFile
{
    private static readonly byte[] Magic = "HEARTHW1"u8.ToArray();
    private static readonly byte[] HalfMagic = "HEARTHH1"u8.ToArray();

    /// <summary>Writes the tensors (as 16-bit floats when <paramref name="half"/>); returns the file's SHA-256 (hex).</summary>
    public static string Write(string path, IEnumerable<(string Name, float[] Values)> tensors, bool half = false)
    {
        var partial = path + ".partial";
        using (var file = File.Create(partial))
        using (var writer = new BinaryWriter(file, Encoding.UTF8))
        {
            var list = tensors.ToList();
            writer.Write(half ? HalfMagic : Magic);
            writer.Write(list.Count);
            foreach (var (name, values) in list)
            {
                writer.Write(name);
                writer.Write(values.Length);
                if (half)
                {
                    var halves = new Half[values.Length];
                    TensorPrimitives.ConvertToHalf(values, halves);
                    writer.Write(MemoryMarshal.AsBytes(halves.AsSpan()));
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

    /// <summary>The tensors of a file whose SHA-256 is <paramref name="sha256"/> (null: not checked).</summary>
    public static Dictionary<string, float[]> Read(string path, string? sha256)
    {
        if (sha256 is not null && Hash(path) != sha256)
        {
            throw new ModelFileException($"{path} is damaged (its SHA-256 is not the one its card records): train the model again");
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var magic = reader.ReadBytes(Magic.Length);
        var half = magic.SequenceEqual(HalfMagic);
        if (!half && !magic.SequenceEqual(Magic))
        {
            throw new ModelFileException($"{path} is not a Hearth weights file (format HEARTHW1 or HEARTHH1)");
        }

        try
        {
            var tensors = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (int i = 0, count = reader.ReadInt32(); i < count; i++)
            {
                var name = reader.ReadString();
                var values = new float[reader.ReadInt32()];
                if (half)
                {
                    var halves = new Half[values.Length];
                    reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
                    TensorPrimitives.ConvertToSingle(halves, values);
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
