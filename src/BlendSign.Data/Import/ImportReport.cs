namespace BlendSign.Data.Import;

/// <summary>What an import did; the shape of <c>import --json</c>.</summary>
/// <param name="Files">Files seen (zip entries count one each), = <paramref name="Items"/>.Count.</param>
/// <param name="Scans">Scans this run's imported or duplicate files belong to.</param>
/// <param name="Slices">Slices those scans hold after the run.</param>
/// <param name="Items">One verdict per file, in the order the paths were walked.</param>
public sealed record ImportReport(
    int Files,
    int Imported,
    int Duplicates,
    int Rejected,
    int Scans,
    int Slices,
    IReadOnlyList<ImportItem> Items);
