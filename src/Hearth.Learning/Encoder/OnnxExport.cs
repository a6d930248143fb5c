using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Hearth.Learning.Encoder;

/// <summary>
/// Writes an ONNX model with some of its weights replaced: the base graph, byte for byte, where only the named
/// initializers' raw data changes. A fine-tuned encoder thus runs in ONNX Runtime (on any provider it proves) exactly
/// as the shipped one does.
/// </summary>
public static class OnnxExport
{
    /// <summary>The shipped MiniLM graph with the model's trained parameters (and matrices changed by adapters) written in.</summary>
    public static byte[] Trained(BertModel model) => WithWeights(Hearth.Text.Embeddings.MiniLmEncoder.ModelBytes(),
        model.Parameters.Where(p => (p.Trainable || p.Adapted) && model.OnnxNames.ContainsKey(p.Name))
            .ToDictionary(p => model.OnnxNames[p.Name], p => p.Value));

    /// <param name="model">The base ONNX model (ModelProto).</param>
    /// <param name="weights">New values by initializer name; each must exist in the model with as many values.</param>
    public static byte[] WithWeights(ReadOnlySpan<byte> model, IReadOnlyDictionary<string, float[]> weights)
    {
        var output = new ArrayBufferWriter<byte>(model.Length + 4096);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(model);
        for (var start = 0; reader.Next(out var field, out var wire); start = reader.Position)
        {
            if (field == 7 && wire == 2)
            {
                WriteField(output, 7, Graph(reader.Bytes(), weights, replaced));
            }
            else
            {
                reader.Skip(wire);
                output.Write(model[start..reader.Position]);
            }
        }

        var missing = weights.Keys.Where(k => !replaced.Contains(k)).ToList();
        return missing.Count == 0 ? output.WrittenSpan.ToArray()
            : throw new InvalidDataException($"the ONNX model has no float initializer {string.Join(", ", missing)}");
    }

    private static byte[] Graph(ReadOnlySpan<byte> graph, IReadOnlyDictionary<string, float[]> weights, HashSet<string> replaced)
    {
        var output = new ArrayBufferWriter<byte>(graph.Length + 4096);
        var reader = new ProtobufReader(graph);
        for (var start = 0; reader.Next(out var field, out var wire); start = reader.Position)
        {
            if (field == 5 && wire == 2)
            {
                var tensor = reader.Bytes();
                var name = Name(tensor);
                if (weights.TryGetValue(name, out var values) && replaced.Add(name))
                {
                    WriteField(output, 5, Tensor(tensor, name, values));
                    continue;
                }
            }
            else
            {
                reader.Skip(wire);
            }

            output.Write(graph[start..reader.Position]);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>The tensor's fields but its data (float_data 4, raw_data 9), then the new values as raw data.</summary>
    private static byte[] Tensor(ReadOnlySpan<byte> tensor, string name, float[] values)
    {
        var output = new ArrayBufferWriter<byte>(tensor.Length + 16);
        var count = 0L;
        var reader = new ProtobufReader(tensor);
        for (var start = 0; reader.Next(out var field, out var wire); start = reader.Position)
        {
            switch (field, wire)
            {
                case (4, 2) or (9, 2):
                    count += reader.Bytes().Length / sizeof(float);
                    continue;
                case (4, 5):
                    reader.Skip(wire);
                    count++;
                    continue;
                default:
                    reader.Skip(wire);
                    output.Write(tensor[start..reader.Position]);
                    break;
            }
        }

        if (count != values.Length)
        {
            throw new InvalidDataException($"{name}: the ONNX model holds {count} values, not {values.Length}");
        }

        WriteField(output, 9, MemoryMarshal.AsBytes(values.AsSpan()));
        return output.WrittenSpan.ToArray();
    }

    private static string Name(ReadOnlySpan<byte> tensor)
    {
        var reader = new ProtobufReader(tensor);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 8 && wire == 2)
            {
                return Encoding.UTF8.GetString(reader.Bytes());
            }

            reader.Skip(wire);
        }

        return "";
    }

    private static void WriteField(ArrayBufferWriter<byte> output, int field, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(output, ((ulong)field << 3) | 2);
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var n = 0;
        for (; value >= 0x80; value >>= 7)
        {
            span[n++] = (byte)(value | 0x80);
        }

        span[n++] = (byte)value;
        output.Advance(n);
    }
}
