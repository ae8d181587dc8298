namespace BlendSign.Data.Csv;

/// <summary>The rows before a CSV file's first problem, and that problem (null when the whole file is well formed).</summary>
public sealed record ParsedCsv<TRow>(IReadOnlyList<TRow> Rows, CsvImportError? Error);
