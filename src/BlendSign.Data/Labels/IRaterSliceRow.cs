namespace BlendSign.Data.Labels;

internal interface IRaterSliceRow
{
    int LineNumber { get; }
    string Rater { get; }
    string SopInstanceUid { get; }
}
