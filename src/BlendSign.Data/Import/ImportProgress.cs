namespace BlendSign.Data.Import;

/// <summary>Progress of a running import, for progress bars and logs.</summary>
/// <param name="FilesExpected">How many files the run will see, where the source says so ahead (a PACS's instance counts).</param>
public sealed record ImportProgress(int FilesSeen, int Imported, int Duplicates, int Rejected, string? CurrentFile, int? FilesExpected = null);
