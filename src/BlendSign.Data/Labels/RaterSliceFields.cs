using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

internal static class RaterSliceFields
{
    public static (string Rater, string Sop)? Read(CsvRow row, string raterColumn, string sopColumn, out string? problem)
    {
        var rater = row[raterColumn];
        var sop = row[sopColumn];
        problem = rater.Length == 0 ? "the rater is empty." : sop.Length == 0 ? "the SOP Instance UID is empty." : null;
        return problem is null ? (rater, sop) : null;
    }
}
