namespace BlendSign.Data.Import;

/// <summary>Progress of a running import, for progress bars and logs.</summary>
public sealed record ImportProgress(int FilesSeen, int Imported, int Duplicates, int Rejected, string? CurrentFile);
