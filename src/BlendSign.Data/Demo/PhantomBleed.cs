namespace BlendSign.Data.Demo;

public sealed class PhantomBleed
{
    internal PhantomBleed(int id, BleedKind kind, SliceRange slices, SliceRange? blendSlices, BleedShape shape,
        double meanHu, double hypodenseMeanHu)
    {
        Id = id;
        Kind = kind;
        Slices = slices;
        BlendSlices = blendSlices;
        Shape = shape;
        MeanHu = meanHu;
        HypodenseMeanHu = hypodenseMeanHu;
    }

    public int Id { get; }
    public BleedKind Kind { get; }

    public SliceRange Slices { get; }

    /// <summary>For a blend-sign hematoma, the central slices that show two regions; elsewhere it is homogeneous.</summary>
    public SliceRange? BlendSlices { get; }

    internal BleedShape Shape { get; }

    /// <summary>HU of a homogeneous bleed, or of a blend-sign hematoma's hyperdense region.</summary>
    internal double MeanHu { get; }

    internal double HypodenseMeanHu { get; }

    public bool ShowsBlendSignOn(int slice) => BlendSlices is { } range && range.Contains(slice);
}
