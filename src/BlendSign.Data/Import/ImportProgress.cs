namespace BlendSign.Data.Import;

/// <param name="FilesExpected">How many files the run will see, where the source says so ahead (a PACS's instance counts).</param>
public sealed record ImportProgress(int FilesSeen, int Imported, int Duplicates, int Rejected, string? CurrentFile, int? FilesExpected = null);
