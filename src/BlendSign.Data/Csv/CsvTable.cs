namespace BlendSign.Data.Csv;

// Columns in any order and case, a byte-order mark tolerated. The rows before the first problem come back too, so an
// importer can tell whether a database problem comes even earlier.
public static class CsvTable
{
    /// <summary>Turns one row into a value, or returns null and says what is wrong with it (without the line number).</summary>
    public delegate TRow? RowParser<TRow>(CsvRow row, out string? problem) where TRow : class;

    public static ParsedCsv<TRow> Parse<TRow>(TextReader text, IReadOnlyList<string> columns, RowParser<TRow> parseRow)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<TRow>();
        var csv = new CsvReader(text);
        try
        {
            var header = csv.Read();
            if (header is null)
            {
                return new ParsedCsv<TRow>(rows, new CsvImportError(1, $"the file is empty; expected the header {string.Join(',', columns)}."));
            }

            if (MapHeader(header, columns, out var headerError) is not { } map)
            {
                return new ParsedCsv<TRow>(rows, headerError);
            }

            while (csv.Read() is { } record)
            {
                if (record.Fields.Count != columns.Count)
                {
                    return new ParsedCsv<TRow>(rows, new CsvImportError(record.LineNumber,
                        $"expected {columns.Count} fields, found {record.Fields.Count}."));
                }

                if (parseRow(new CsvRow(record, map), out var problem) is not { } row)
                {
                    return new ParsedCsv<TRow>(rows, new CsvImportError(record.LineNumber, problem ?? "the row is not valid."));
                }

                rows.Add(row);
            }
        }
        catch (CsvFormatException e)
        {
            return new ParsedCsv<TRow>(rows, new CsvImportError(e.LineNumber, e.Reason));
        }

        return new ParsedCsv<TRow>(rows, null);
    }

    private static Dictionary<string, int>? MapHeader(CsvRecord header, IReadOnlyList<string> columns, out CsvImportError? error)
    {
        var names = header.Fields.Select(Clean).ToList();
        var expected = $"expected the header {string.Join(',', columns)}.";
        error = names.FirstOrDefault(n => !columns.Any(c => Is(n, c))) is { } unknown
            ? new CsvImportError(header.LineNumber, $"unknown column '{unknown}'; {expected}")
            : columns.FirstOrDefault(c => !names.Any(n => Is(n, c))) is { } missing
                ? new CsvImportError(header.LineNumber, $"missing column '{missing}'; {expected}")
                : names.Count != columns.Count
                    ? new CsvImportError(header.LineNumber, $"a column appears twice; {expected}")
                    : null;
        return error is null ? columns.ToDictionary(c => c, c => names.FindIndex(n => Is(n, c)), StringComparer.Ordinal) : null;
    }

    // A byte-order mark survives when the caller's reader did not strip it.
    private static string Clean(string name) => name.Trim().TrimStart('\uFEFF').Trim();

    private static bool Is(string name, string column) => string.Equals(name, column, StringComparison.OrdinalIgnoreCase);
}
