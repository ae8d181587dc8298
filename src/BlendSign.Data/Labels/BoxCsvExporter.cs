using System.Globalization;
using BlendSign.Data.Csv;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Labels;

/// <summary>
/// <c>boxes export</c> and <c>/api/export/boxes.csv</c>: every box as <c>rater,sop_instance_uid,center_x,center_y,left,top,right,bottom</c>,
/// sorted by scan, slice index, rater and position; scans excluded by the study's criteria are left out unless asked for.
/// Numbers are written so they read back exactly (what <c>boxes import</c> takes).
/// </summary>
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
