namespace BlendSign.Data.Csv;

/// <summary>Formats RFC 4180 records, quoting only the fields that need it; records end with LF.</summary>
public static class CsvFormat
{
    public static string Record(params IReadOnlyList<string> fields) => string.Join(',', fields.Select(Escape)) + "\n";

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
}
