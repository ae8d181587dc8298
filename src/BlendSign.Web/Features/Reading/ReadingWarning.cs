using BlendSign.Data.Labels;
using BlendSign.Data.Reading;

namespace BlendSign.Web.Features.Reading;

/// <summary>Allowed but suspicious reads on the scan's summary: a box on a non_ich slice, a bleed label without a box.</summary>
public sealed record ReadingWarning(int SliceIndex, string Message)
{
    public static IReadOnlyList<ReadingWarning> For(ScanReading scan) =>
        scan.Slices.Select(Warn).OfType<ReadingWarning>().ToList();

    private static ReadingWarning? Warn(SliceReading slice) => slice.MyLabel switch
    {
        HemorrhageClass.NonIch when slice.MyBoxes.Count > 0 =>
            new(slice.SliceIndex, $"Slice {slice.SliceIndex + 1}: {Boxes(slice.MyBoxes.Count)} on a non_ich slice"),
        HemorrhageClass.NormalIch or HemorrhageClass.BlendSign when slice.MyBoxes.Count == 0 =>
            new(slice.SliceIndex, $"Slice {slice.SliceIndex + 1}: {slice.MyLabel.Value.ToWireName()} without a box"),
        _ => null,
    };

    private static string Boxes(int count) => count == 1 ? "a box" : $"{count} boxes";
}
