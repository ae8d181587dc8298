namespace BlendSign.Data.Csv;

/// <summary>The text is not valid CSV (RFC 4180) at <see cref="LineNumber"/>.</summary>
public sealed class CsvFormatException(int lineNumber, string reason) : FormatException($"Line {lineNumber}: {reason}")
{
    public int LineNumber { get; } = lineNumber;

    /// <summary>What is wrong, without the line number.</summary>
    public string Reason { get; } = reason;
}
