namespace BlendSign.Data.Labels;

/// <summary>One well-formed row of a labels CSV, not yet checked against the database.</summary>
internal sealed record LabelCsvRow(int LineNumber, string Rater, string SopInstanceUid, HemorrhageClass Label) : IRaterSliceRow;
