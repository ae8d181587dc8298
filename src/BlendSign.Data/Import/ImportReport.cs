namespace BlendSign.Data.Import;

/// <summary>What an import did; the shape of <c>import --json</c>.</summary>
public sealed record ImportReport(
    int Files,
    int Imported,
    int Duplicates,
    int Rejected,
    int Scans,
    int Slices,
    IReadOnlyList<ImportItem> Items);
