using System.Runtime.InteropServices;
using System.Text;

namespace Hearth.Learning.Encoder;

/// <summary>
/// The weights (initializers) and the nodes of an ONNX model, read straight from its protobuf encoding: ModelProto.graph
/// (7) → GraphProto.node (1) and initializer (5) → TensorProto dims (1), data_type (2), float_data (4), name (8), raw_data (9).
/// Only what the training engine needs; float tensors only.
/// </summary>
public sealed class OnnxInitializers
{
    private const int FloatType = 1;

    private OnnxInitializers(Dictionary<string, (int[] Dims, float[] Data)> tensors, List<(string Op, string[] Inputs, string[] Outputs)> nodes)
    {
        Tensors = tensors;
        Nodes = nodes;
    }

    /// <summary>Float initializers by name: their shape and values.</summary>
    public IReadOnlyDictionary<string, (int[] Dims, float[] Data)> Tensors { get; }

    /// <summary>The graph's nodes in order: operator, inputs, outputs.</summary>
    public IReadOnlyList<(string Op, string[] Inputs, string[] Outputs)> Nodes { get; }

    public static OnnxInitializers Read(ReadOnlySpan<byte> model)
    {
        var tensors = new Dictionary<string, (int[], float[])>(StringComparer.Ordinal);
        var nodes = new List<(string, string[], string[])>();
        var reader = new ProtobufReader(model);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 7 || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            var graph = new ProtobufReader(reader.Bytes());
            while (graph.Next(out var g, out var gw))
            {
                switch (g, gw)
                {
                    case (1, 2):
                        nodes.Add(Node(graph.Bytes()));
                        break;
                    case (5, 2):
                        if (Tensor(graph.Bytes()) is { } t)
                        {
                            tensors[t.Name] = (t.Dims, t.Data);
                        }

                        break;
                    default:
                        graph.Skip(gw);
                        break;
                }
            }
        }

        return new OnnxInitializers(tensors, nodes);
    }

    private static (string, string[], string[]) Node(ReadOnlySpan<byte> bytes)
    {
        var (inputs, outputs, op) = (new List<string>(), new List<string>(), "");
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2): inputs.Add(Encoding.UTF8.GetString(reader.Bytes())); break;
                case (2, 2): outputs.Add(Encoding.UTF8.GetString(reader.Bytes())); break;
                case (4, 2): op = Encoding.UTF8.GetString(reader.Bytes()); break;
                default: reader.Skip(wire); break;
            }
        }

        return (op, [.. inputs], [.. outputs]);
    }

    private static (string Name, int[] Dims, float[] Data)? Tensor(ReadOnlySpan<byte> bytes)
    {
        var (dims, name, type) = (new List<int>(), "", 0);
        float[]? data = null;
        var floats = new List<float>();
        var reader = new ProtobufReader(bytes);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 0): dims.Add((int)reader.Varint()); break;
                case (1, 2):
                    var packed = new ProtobufReader(reader.Bytes());
                    while (!packed.End)
                    {
                        dims.Add((int)packed.Varint());
                    }

                    break;
                case (2, 0): type = (int)reader.Varint(); break;
                case (4, 2): floats.AddRange(MemoryMarshal.Cast<byte, float>(reader.Bytes()).ToArray()); break;
                case (4, 5): floats.Add(BitConverter.Int32BitsToSingle((int)reader.Fixed32())); break;
                case (8, 2): name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case (9, 2): data = MemoryMarshal.Cast<byte, float>(reader.Bytes()).ToArray(); break;
                default: reader.Skip(wire); break;
            }
        }

        return type == FloatType ? (name, [.. dims], data ?? [.. floats]) : null;
    }
}
