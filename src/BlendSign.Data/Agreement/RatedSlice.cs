using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <summary>One slice's labels, one entry per rater in <see cref="LabelMatrix.Raters"/> order (null: not read).</summary>
/// <param name="ScanId">The slice's scan: the bootstrap resamples scans, never slices.</param>
public sealed record RatedSlice(int ScanId, IReadOnlyList<HemorrhageClass?> Labels);
