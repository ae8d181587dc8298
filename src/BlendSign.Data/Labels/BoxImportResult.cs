using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

/// <summary>What a boxes CSV import did; on refusal (<see cref="Error"/> set) nothing was written.</summary>
/// <param name="Slices">(rater, slice) pairs the file names; each one's boxes were replaced by the file's.</param>
/// <param name="Deleted">Boxes removed because the file does not give them again for their (rater, slice).</param>
public sealed record BoxImportResult(int Rows, int Slices, int Created, int Deleted, int Unchanged, CsvImportError? Error)
{
    public bool Succeeded => Error is null;

    public static BoxImportResult Refused(CsvImportError error) => new(0, 0, 0, 0, 0, error);
}
