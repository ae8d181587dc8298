using Google.Protobuf;

namespace BlendSign.Model.Pretrained;

// Protobuf's wire format read directly (no generated onnx.proto classes). Field numbers: ModelProto.graph 7; GraphProto
// node 1, initializer 5, input 11, output 12; NodeProto input 1, output 2, op_type 4, attribute 5; TensorProto dims 1,
// data_type 2, float_data 4, name 8, raw_data 9; AttributeProto name 1, f 2, i 3, floats 7, ints 8; ValueInfoProto name 1.
public static class OnnxReader
{
    private const int FloatType = 1;

    public static OnnxGraph Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static OnnxGraph Read(Stream stream)
    {
        var input = new CodedInputStream(stream);
        OnnxGraph? graph = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 7)
            {
                graph = ReadGraph(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return graph ?? throw new InvalidDataException("The ONNX file has no graph.");
    }

    private static OnnxGraph ReadGraph(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var inputs = new List<string>();
        var outputs = new List<string>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    nodes.Add(ReadNode(input.ReadBytes()));
                    break;
                case 5:
                    var tensor = ReadTensor(input.ReadBytes());
                    if (tensor is not null)
                    {
                        initializers[tensor.Name] = tensor;
                    }

                    break;
                case 11:
                    inputs.Add(ReadValueInfoName(input.ReadBytes()));
                    break;
                case 12:
                    outputs.Add(ReadValueInfoName(input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private static OnnxNode ReadNode(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var inputs = new List<string>();
        var outputs = new List<string>();
        var opType = "";
        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    inputs.Add(input.ReadString());
                    break;
                case 2:
                    outputs.Add(input.ReadString());
                    break;
                case 4:
                    opType = input.ReadString();
                    break;
                case 5:
                    var attribute = ReadAttribute(input.ReadBytes());
                    attributes[attribute.Name] = attribute;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxNode(opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var name = "";
        float? f = null;
        long? i = null;
        var floats = new List<float>();
        var ints = new List<long>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    name = input.ReadString();
                    break;
                case 2:
                    f = input.ReadFloat();
                    break;
                case 3:
                    i = input.ReadInt64();
                    break;
                case 7:
                    ReadRepeated(input, packed, floats, static s => s.ReadFloat());
                    break;
                case 8:
                    ReadRepeated(input, packed, ints, static s => s.ReadInt64());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxAttribute(name, f, i, floats, ints);
    }

    private static OnnxTensor? ReadTensor(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var dims = new List<long>();
        var dataType = 0;
        var name = "";
        var floats = new List<float>();
        ByteString? raw = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    ReadRepeated(input, packed, dims, static s => s.ReadInt64());
                    break;
                case 2:
                    dataType = input.ReadInt32();
                    break;
                case 4:
                    ReadFloats(input, packed, floats);
                    break;
                case 8:
                    name = input.ReadString();
                    break;
                case 9:
                    raw = input.ReadBytes();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (dataType != FloatType)
        {
            return null;
        }

        var data = raw is { Length: > 0 } ? RawFloats(raw) : floats.ToArray();
        var expected = dims.Aggregate(1L, (a, d) => a * d);
        if (data.Length != expected)
        {
            throw new InvalidDataException($"Initializer '{name}' holds {data.Length} values for shape [{string.Join(",", dims)}].");
        }

        return new OnnxTensor(name, dims, data);
    }

    private static float[] RawFloats(ByteString raw)
    {
        var data = new float[raw.Length / sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw.Span).CopyTo(data);
        return data;
    }

    private static void ReadFloats(CodedInputStream input, bool packed, List<float> values)
    {
        if (!packed)
        {
            values.Add(input.ReadFloat());
            return;
        }

        // Weights are large: copy the packed block at once rather than float by float.
        var block = input.ReadBytes();
        values.AddRange(RawFloats(block));
    }

    private static void ReadRepeated<T>(CodedInputStream input, bool packed, List<T> values, Func<CodedInputStream, T> read)
    {
        if (!packed)
        {
            values.Add(read(input));
            return;
        }

        var block = input.ReadBytes().CreateCodedInput();
        while (!block.IsAtEnd)
        {
            values.Add(read(block));
        }
    }

    private static string ReadValueInfoName(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                return input.ReadString();
            }

            input.SkipLastField();
        }

        return "";
    }
}
