using System.Globalization;
using BlendSign.Data.Csv;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Labels;

/// <summary>Excluded scans are left out unless asked for; numbers round-trip exactly for <c>boxes import</c>.</summary>
public sealed class BoxCsvExporter(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    /// <remarks>Writes asynchronously only, so it can stream into an HTTP response.</remarks>
    public async Task<BoxExportResult> ExportAsync(TextWriter output, bool includeExcluded = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var boxes = db.HemorrhageBoxes.AsNoTracking();
        if (!includeExcluded)
        {
            boxes = boxes.Where(b => b.Slice.Scan.Exclusion == null);
        }

        var rows = await boxes
            .OrderBy(b => b.Slice.ScanId).ThenBy(b => b.Slice.SliceIndex).ThenBy(b => b.Slice.SopInstanceUid)
            .ThenBy(b => b.Rater.UserName).ThenBy(b => b.Left).ThenBy(b => b.Top).ThenBy(b => b.Id)
            .Select(b => new { b.Slice.ScanId, b.Slice.SopInstanceUid, Rater = b.Rater.UserName!, b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom })
            .ToListAsync(cancellationToken);

        await output.WriteAsync(CsvFormat.Record(BoxCsv.Columns));
        foreach (var row in rows)
        {
            await output.WriteAsync(CsvFormat.Record(row.Rater, row.SopInstanceUid,
                Number(row.CenterX), Number(row.CenterY), Number(row.Left), Number(row.Top), Number(row.Right), Number(row.Bottom)));
        }

        await output.FlushAsync(cancellationToken);
        return new BoxExportResult(rows.Count, rows.Select(r => r.ScanId).Distinct().Count());
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
