using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

public sealed class LabelMatrix
{
    public LabelMatrix(IReadOnlyList<string> raters, IReadOnlyList<RatedSlice> slices)
    {
        ArgumentNullException.ThrowIfNull(raters);
        ArgumentNullException.ThrowIfNull(slices);
        if (raters.Distinct(StringComparer.Ordinal).Count() != raters.Count)
        {
            throw new ArgumentException("Rater names must be distinct.", nameof(raters));
        }

        foreach (var slice in slices)
        {
            if (slice.Labels.Count != raters.Count)
            {
                throw new ArgumentException(
                    $"A slice of scan {slice.ScanId} has {slice.Labels.Count} labels for {raters.Count} raters.", nameof(slices));
            }

            foreach (var label in slice.Labels)
            {
                if (label is { } value && !Enum.IsDefined(value))
                {
                    throw new ArgumentException($"Unknown class {(int)value}.", nameof(slices));
                }
            }
        }

        Raters = raters;
        Slices = slices;
    }

    public IReadOnlyList<string> Raters { get; }

    public IReadOnlyList<RatedSlice> Slices { get; }

    /// <summary>A slice counts towards agreement only when every rater read it.</summary>
    public static bool IsComplete(RatedSlice slice)
    {
        foreach (var label in slice.Labels)
        {
            if (label is null)
            {
                return false;
            }
        }

        return true;
    }

    public static LabelMatrix FromRows(IReadOnlyList<string> raters, IEnumerable<(int ScanId, int[] Labels)> rows) =>
        new(raters, rows.Select(r => new RatedSlice(r.ScanId, r.Labels.Select(l => (HemorrhageClass?)l).ToArray())).ToList());
}
