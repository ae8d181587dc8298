using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <summary>One slice's labels, one entry per rater in <see cref="LabelMatrix.Raters"/> order (null: not read).</summary>
/// <param name="ScanId">The slice's scan: the bootstrap resamples scans, never slices.</param>
/// <param name="SliceId">The slice's database id where it came from the database (0 otherwise), for click-throughs.</param>
public sealed record RatedSlice(int ScanId, IReadOnlyList<HemorrhageClass?> Labels, int SliceId = 0);
