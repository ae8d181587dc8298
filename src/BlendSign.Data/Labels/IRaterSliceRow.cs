namespace BlendSign.Data.Labels;

/// <summary>A row of a reads CSV: which rater's read of which slice, and the line it came from.</summary>
internal interface IRaterSliceRow
{
    int LineNumber { get; }
    string Rater { get; }
    string SopInstanceUid { get; }
}
