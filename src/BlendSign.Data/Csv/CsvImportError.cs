namespace BlendSign.Data.Csv;

/// <summary>The first problem in a refused CSV file: its 1-based line and what is wrong there.</summary>
public sealed record CsvImportError(int LineNumber, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
