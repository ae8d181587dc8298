namespace BlendSign.Model.Pretrained;

/// <summary>A float initializer of an ONNX graph: its name, shape and values (row-major).</summary>
public sealed record OnnxTensor(string Name, IReadOnlyList<long> Dims, float[] Data);

/// <summary>One attribute of an ONNX node; only the fields this project reads (f, i, floats, ints).</summary>
public sealed record OnnxAttribute(string Name, float? Float, long? Int, IReadOnlyList<float> Floats, IReadOnlyList<long> Ints);

/// <summary>One ONNX node: its operator and the names of the values it reads and writes, in graph order.</summary>
public sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    public IReadOnlyList<long> Ints(string name) => Attributes.TryGetValue(name, out var a) ? a.Ints : [];
}

/// <summary>The parts of an ONNX model's graph that the weight mapping needs.</summary>
public sealed record OnnxGraph(
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Initializers,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs);
