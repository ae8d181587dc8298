using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

/// <summary>The rows before the first problem come back too, so the importer can tell whether an unknown rater or slice comes earlier.</summary>
internal static class LabelCsvParser
{
    public static ParsedCsv<LabelCsvRow> Parse(TextReader text)
    {
        var seen = new Dictionary<(string Rater, string Sop), int>();
        return CsvTable.Parse(text, LabelCsv.Columns, (CsvRow row, out string? problem) =>
        {
            if (RaterSliceFields.Read(row, LabelCsv.RaterColumn, LabelCsv.SopInstanceUidColumn, out problem) is not { } fields)
            {
                return null;
            }

            var (rater, sop) = fields;

            var label = row[LabelCsv.LabelColumn];
            if (!HemorrhageClassNames.TryParse(label, out var value))
            {
                problem = label.Length == 0
                    ? "the label is empty."
                    : $"unknown class '{label}'; use {HemorrhageClassNames.NonIch}, {HemorrhageClassNames.NormalIch} or {HemorrhageClassNames.BlendSign}.";
                return null;
            }

            if (seen.TryGetValue((LabelRaters.Normalize(rater), sop), out var earlier))
            {
                problem = $"rater '{rater}' already labeled this slice on line {earlier}; give each (rater, slice) once.";
                return null;
            }

            seen.Add((LabelRaters.Normalize(rater), sop), row.LineNumber);
            return new LabelCsvRow(row.LineNumber, rater, sop, value.Value);
        });
    }
}
