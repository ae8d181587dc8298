using BlendSign.Data.Labels;

namespace BlendSign.Data.Reading;

/// <summary>One slice as the signed-in rater sees it: never another rater's label or boxes.</summary>
public sealed record SliceReading(
    int SliceId,
    string SopInstanceUid,
    int SliceIndex,
    int Columns,
    int Rows,
    HemorrhageClass? MyLabel,
    IReadOnlyList<BoxReading> MyBoxes)
{
    /// <summary>A reviewer asked the raters to read this slice again; saving a label (even the same one) answers it.</summary>
    public bool RereadRequested { get; init; }

    /// <summary>The blend-sign helper the rater attached to this read, if any.</summary>
    public BlendSignMeasurement? BlendSignMeasurement { get; init; }
}
