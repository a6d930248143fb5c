using System.Buffers.Binary;
using System.Text;

namespace Hearth.Cluster.Devices;

/// <summary>What a board announces: its memory, its firmware (a hash of the model it carries), what it computes.</summary>
public sealed record DeviceHello(int Version, int RamBytes, long FlashBytes, uint FirmwareHash, byte Ops, int InputSize, int OutputSize,
    int MaxBatch, string Board)
{
    public const byte Int8Dense = 0x01;

    /// <summary>Bytes of RAM the firmware needs beyond one batch of inputs: frame and packet buffers, stack.</summary>
    private const int Overhead = 512;

    public IReadOnlyList<string> Operations => (Ops & Int8Dense) != 0 ? ["int8.dense"] : [];

    public static DeviceHello? Parse(byte[] body)
    {
        if (body.Length < 17)
        {
            return null;
        }

        return new DeviceHello(
            body[0],
            BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(1)),
            BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(3)),
            BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(7)),
            body[11],
            BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(12)),
            body[14],
            body[15],
            Printable(Encoding.ASCII.GetString(body.AsSpan(16))));
    }

    /// <summary>The longest board name kept; a longer one is cut.</summary>
    public const int MaxBoardName = 64;

    /// <summary>
    /// A board's name as any terminal may print it: control characters (escape sequences that clear a screen or retitle a
    /// window, CR, LF, DEL) become '?', and it is cut at <see cref="MaxBoardName"/>.
    /// </summary>
    public static string Printable(string name)
    {
        var clean = new string([.. name.Take(MaxBoardName).Select(c => char.IsControl(c) ? '?' : c)]);
        return clean.Length == 0 ? "?" : clean;
    }

    /// <summary>Why this announcement cannot be true or cannot be used; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Version != 1)
        {
            problems.Add($"protocol version {Version}, this gateway speaks version 1: update the firmware or Hearth");
        }

        if (InputSize <= 0 || OutputSize <= 0 || MaxBatch <= 0)
        {
            problems.Add($"a layer of {InputSize} inputs, {OutputSize} outputs and batches of {MaxBatch} cannot compute anything");
        }
        else if ((2L * MaxBatch * InputSize) + Overhead > RamBytes)
        {
            // The firmware keeps a frame and a packet of a whole batch in RAM.
            problems.Add($"batches of {MaxBatch} × {InputSize} int8 inputs cannot fit in {RamBytes} bytes of RAM: the announcement is impossible");
        }

        if ((long)InputSize * OutputSize > FlashBytes)
        {
            problems.Add($"{InputSize} × {OutputSize} int8 weights cannot fit in {FlashBytes} bytes of flash: the announcement is impossible");
        }

        return problems;
    }
}
