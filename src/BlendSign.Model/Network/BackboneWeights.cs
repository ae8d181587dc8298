namespace BlendSign.Model.Network;

public sealed record BackboneWeights(bool Pretrained, string Source)
{
    public static BackboneWeights Random(string why) => new(false, "random initialisation (" + why + ")");
}
