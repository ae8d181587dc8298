
namespace BlendSign.Data.Labels;

internal sealed record BoxCsvRow(int LineNumber, string Rater, string SopInstanceUid, BoxGeometry Box) : IRaterSliceRow;
