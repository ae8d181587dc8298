namespace BlendSign.Data.Csv;

/// <summary>One CSV record and the (1-based) line it starts on.</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);
