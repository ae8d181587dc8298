namespace BlendSign.Model.Network;

/// <summary>Where a backbone's starting weights came from; <see cref="Pretrained"/> is false for a random start.</summary>
public sealed record BackboneWeights(bool Pretrained, string Source)
{
    public static BackboneWeights Random(string why) => new(false, "random initialisation (" + why + ")");
}
