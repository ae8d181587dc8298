using BlendSign.Data.Csv;

namespace BlendSign.Data.Labels;

/// <summary>
/// Reads a labels CSV up to its first problem that needs no database to see: bad CSV, a wrong header, a wrong
/// field count, an empty value, an unknown class or a repeated (rater, slice). The rows before it come back too,
/// so the importer can tell whether an unknown rater or slice comes even earlier.
/// </summary>
internal static class LabelCsvParser
{
    public static ParsedLabelCsv Parse(TextReader text)
    {
        var rows = new List<LabelCsvRow>();
        var csv = new CsvReader(text);
        try
        {
            var header = csv.Read();
            if (header is null)
            {
                return new ParsedLabelCsv(rows, new LabelImportError(1, $"the file is empty; expected the header {LabelCsv.Header}."));
            }

            if (CheckHeader(header) is { } headerError)
            {
                return new ParsedLabelCsv(rows, headerError);
            }

            var columns = header.Fields.Select(Clean).ToList();
            var rater = columns.FindIndex(c => Is(c, LabelCsv.RaterColumn));
            var sop = columns.FindIndex(c => Is(c, LabelCsv.SopInstanceUidColumn));
            var label = columns.FindIndex(c => Is(c, LabelCsv.LabelColumn));
            var seen = new Dictionary<(string Rater, string Sop), int>();
            while (csv.Read() is { } record)
            {
                var row = ParseRow(record, rater, sop, label, out var rowError);
                if (row is null)
                {
                    return new ParsedLabelCsv(rows, rowError);
                }

                var key = (LabelRaters.Normalize(row.Rater), row.SopInstanceUid);
                if (seen.TryGetValue(key, out var earlier))
                {
                    return new ParsedLabelCsv(rows, new LabelImportError(record.LineNumber,
                        $"rater '{row.Rater}' already labeled this slice on line {earlier}; give each (rater, slice) once."));
                }

                seen.Add(key, record.LineNumber);
                rows.Add(row);
            }
        }
        catch (CsvFormatException e)
        {
            return new ParsedLabelCsv(rows, new LabelImportError(e.LineNumber, e.Reason));
        }

        return new ParsedLabelCsv(rows, null);
    }

    private static LabelImportError? CheckHeader(CsvRecord header)
    {
        var names = header.Fields.Select(Clean).ToList();
        var expected = $"expected the header {LabelCsv.Header}.";
        if (names.FirstOrDefault(n => !LabelCsv.Columns.Any(c => Is(n, c))) is { } unknown)
        {
            return new LabelImportError(header.LineNumber, $"unknown column '{unknown}'; {expected}");
        }

        if (LabelCsv.Columns.FirstOrDefault(c => !names.Any(n => Is(n, c))) is { } missing)
        {
            return new LabelImportError(header.LineNumber, $"missing column '{missing}'; {expected}");
        }

        return names.Count == LabelCsv.Columns.Count
            ? null
            : new LabelImportError(header.LineNumber, $"a column appears twice; {expected}");
    }

    private static LabelCsvRow? ParseRow(CsvRecord record, int raterColumn, int sopColumn, int labelColumn, out LabelImportError? error)
    {
        var line = record.LineNumber;
        if (record.Fields.Count != LabelCsv.Columns.Count)
        {
            error = new LabelImportError(line, $"expected {LabelCsv.Columns.Count} fields, found {record.Fields.Count}.");
            return null;
        }

        var rater = record.Fields[raterColumn].Trim();
        var sop = record.Fields[sopColumn].Trim();
        var label = record.Fields[labelColumn].Trim();
        if (rater.Length == 0)
        {
            error = new LabelImportError(line, "the rater is empty.");
        }
        else if (sop.Length == 0)
        {
            error = new LabelImportError(line, "the SOP Instance UID is empty.");
        }
        else if (!HemorrhageClassNames.TryParse(label, out var value))
        {
            error = new LabelImportError(line, label.Length == 0
                ? "the label is empty."
                : $"unknown class '{label}'; use {HemorrhageClassNames.NonIch}, {HemorrhageClassNames.NormalIch} or {HemorrhageClassNames.BlendSign}.");
        }
        else
        {
            error = null;
            return new LabelCsvRow(line, rater, sop, value.Value);
        }

        return null;
    }

    // A byte-order mark survives when the caller's reader did not strip it.
    private static string Clean(string name) => name.Trim().TrimStart('\uFEFF').Trim();

    private static bool Is(string name, string column) => string.Equals(name, column, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The rows before the first problem, and that problem (null when the whole file is well formed).</summary>
internal sealed record ParsedLabelCsv(IReadOnlyList<LabelCsvRow> Rows, LabelImportError? Error);
