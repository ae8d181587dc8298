using System.Globalization;

namespace BlendSign.Data.Csv;

/// <summary>
/// Formats RFC 4180 records, quoting only the fields that need it; records end with LF. A field a spreadsheet would run
/// as a formula (OWASP's CSV injection rule: a leading <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return)
/// gets a leading apostrophe and quotes; a plain number such as <c>-12.5</c> is left as it is.
/// </summary>
public static class CsvFormat
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Record(params IReadOnlyList<string> fields) => string.Join(',', fields.Select(Escape)) + "\n";

    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (IsFormula(field))
        {
            return Quote("'" + field);
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? Quote(field)
            : field;
    }

    public static bool IsFormula(string field) =>
        field.Length > 0 && Array.IndexOf(FormulaStarts, field[0]) >= 0
        && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
