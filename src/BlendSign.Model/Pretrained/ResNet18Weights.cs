using BlendSign.Model.Network;
using static TorchSharp.torch;

namespace BlendSign.Model.Pretrained;

// Conv nodes in node order, each with the BatchNormalization node that reads its output, paired with the network's
// convolutions in the same order; every shape, stride and kernel is checked, so a graph of another layout is refused
// rather than loaded wrongly.
public static class ResNet18Weights
{
    public static void Load(CntkResNet18 network, OnnxGraph graph)
    {
        var pairs = network.ConvolutionsInGraphOrder().ToArray();
        var convolutions = graph.Nodes.Where(n => n.OpType == "Conv").ToArray();
        if (convolutions.Length != pairs.Length)
        {
            throw new InvalidDataException($"The ONNX graph has {convolutions.Length} convolutions; the network has {pairs.Length}.");
        }

        var readers = graph.Nodes.Where(n => n.OpType == "BatchNormalization").ToDictionary(n => n.Inputs[0], StringComparer.Ordinal);
        using var noGrad = no_grad();
        for (var i = 0; i < pairs.Length; i++)
        {
            var (conv, norm) = pairs[i];
            var node = convolutions[i];
            var stride = node.Ints("strides");
            if (stride.Count != 2 || stride[0] != conv.stride[0] || stride[1] != conv.stride[1])
            {
                throw new InvalidDataException($"Convolution {i + 1} of the ONNX graph has strides [{string.Join(",", stride)}]; the network expects {conv.stride[0]}.");
            }

            Copy(conv.weight!, Initializer(graph, node.Inputs[1]), $"convolution {i + 1}");
            if (!readers.TryGetValue(node.Outputs[0], out var bn))
            {
                throw new InvalidDataException($"Convolution {i + 1} of the ONNX graph has no batch norm after it.");
            }

            Copy(norm.weight!, Initializer(graph, bn.Inputs[1]), $"batch norm {i + 1} scale");
            Copy(norm.bias!, Initializer(graph, bn.Inputs[2]), $"batch norm {i + 1} bias");
            Copy(norm.running_mean!, Initializer(graph, bn.Inputs[3]), $"batch norm {i + 1} mean");
            Copy(norm.running_var!, Initializer(graph, bn.Inputs[4]), $"batch norm {i + 1} variance");
        }
    }

    /// <summary>The preprocessing graph's per-pixel mean image (1×3×224×224, BGR order, 0–255 scale).</summary>
    public static Tensor MeanImage(OnnxGraph preprocessing)
    {
        var mean = preprocessing.Initializers.Values.SingleOrDefault(t => t.Dims.Count == 4 && t.Dims[1] == 3)
            ?? throw new InvalidDataException("The preprocessing graph has no 1×3×H×W mean image.");
        return tensor(mean.Data, [.. mean.Dims]);
    }

    private static OnnxTensor Initializer(OnnxGraph graph, string name) =>
        graph.Initializers.TryGetValue(name, out var value)
            ? value
            : throw new InvalidDataException($"The ONNX graph has no initializer '{name}'.");

    private static void Copy(Tensor target, OnnxTensor source, string what)
    {
        var shape = target.shape;
        // CNTK stores batch-norm vectors as [C]; some exports use [C,1,1]: compare element counts then reshape.
        var sameShape = shape.SequenceEqual(source.Dims) || (shape.Length == 1 && source.Data.Length == shape[0]);
        if (!sameShape)
        {
            throw new InvalidDataException(
                $"The ONNX {what} '{source.Name}' is [{string.Join(",", source.Dims)}]; the network's is [{string.Join(",", shape)}].");
        }

        using var values = tensor(source.Data, shape);
        target.copy_(values);
    }
}
