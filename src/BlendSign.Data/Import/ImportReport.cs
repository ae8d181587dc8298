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
    IReadOnlyList<ImportItem> Items)
{
    /// <summary>"1 file: 1 imported, 0 duplicates, 0 rejected; 1 scan with 8 slices." Not part of <c>import --json</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Summary =>
        $"{Count(Files, "file")}: {Imported} imported, {Count(Duplicates, "duplicate")}, {Rejected} rejected; "
        + $"{Count(Scans, "scan")} with {Count(Slices, "slice")}.";

    private static string Count(int count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
