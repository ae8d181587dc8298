using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

/// <summary>What a labels CSV import did; on refusal (<see cref="Error"/> set) nothing was written.</summary>
/// <param name="Rows">Label rows in the file.</param>
/// <param name="Created">(rater, slice) pairs that had no label before.</param>
/// <param name="Changed">Labels replaced by a different class.</param>
/// <param name="Unchanged">Labels the file repeated as they were.</param>
public sealed record LabelImportResult(int Rows, int Created, int Changed, int Unchanged, CsvImportError? Error)
{
    public bool Succeeded => Error is null;

    public static LabelImportResult Refused(CsvImportError error) => new(0, 0, 0, 0, error);
}
