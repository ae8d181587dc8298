namespace BlendSign.Data.Csv;

public sealed class CsvFormatException(int lineNumber, string reason) : FormatException($"Line {lineNumber}: {reason}")
{
    public int LineNumber { get; } = lineNumber;

    public string Reason { get; } = reason;
}
