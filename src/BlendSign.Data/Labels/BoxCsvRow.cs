
namespace BlendSign.Data.Labels;

/// <summary>One well-formed row of a boxes CSV, not yet checked against the database (rater, slice, slice size).</summary>
internal sealed record BoxCsvRow(int LineNumber, string Rater, string SopInstanceUid, BoxGeometry Box) : IRaterSliceRow;
