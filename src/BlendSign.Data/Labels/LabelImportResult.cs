using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

/// <summary>What a labels CSV import did; on refusal (<see cref="Error"/> set) nothing was written.</summary>
public sealed record LabelImportResult(int Rows, int Created, int Changed, int Unchanged, CsvImportError? Error)
{
    public bool Succeeded => Error is null;

    public static LabelImportResult Refused(CsvImportError error) => new(0, 0, 0, 0, error);
}
