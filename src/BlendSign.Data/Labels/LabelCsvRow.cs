namespace BlendSign.Data.Labels;

internal sealed record LabelCsvRow(int LineNumber, string Rater, string SopInstanceUid, HemorrhageClass Label) : IRaterSliceRow;
