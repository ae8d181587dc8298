namespace BlendSign.Model.Pretrained;

/// <summary>A float initializer of an ONNX graph: its name, shape and values (row-major).</summary>
public sealed record OnnxTensor(string Name, IReadOnlyList<long> Dims, float[] Data);

public sealed record OnnxAttribute(string Name, float? Float, long? Int, IReadOnlyList<float> Floats, IReadOnlyList<long> Ints);

public sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    public IReadOnlyList<long> Ints(string name) => Attributes.TryGetValue(name, out var a) ? a.Ints : [];
}

public sealed record OnnxGraph(
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Initializers,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs);
