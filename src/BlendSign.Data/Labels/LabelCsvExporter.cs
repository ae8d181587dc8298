using System.Globalization;
using BlendSign.Data.Csv;
using BlendSign.Data.Reading;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Labels;

/// <summary>Sorted by scan, slice index and rater; excluded scans are left out unless asked for.</summary>
public sealed class LabelCsvExporter(IDbContextFactory<BlendSignDbContext> dbFactory)
{
    /// <remarks>Writes asynchronously only, so it can stream into an HTTP response.</remarks>
    public async Task<LabelExportResult> ExportAsync(
        TextWriter output, bool includeExcluded = false, bool withMeasurements = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labels = db.SliceLabels.AsNoTracking();
        if (!includeExcluded)
        {
            labels = labels.Where(l => l.Slice.Scan.Exclusion == null);
        }

        var rows = await labels
            .Select(l => new { l.Slice.ScanId, l.Slice.SliceIndex, l.Slice.SopInstanceUid, Rater = l.Rater.UserName!, l.Label, l.BlendSignRoiMeanA, l.BlendSignRoiMeanB })
            .ToListAsync(cancellationToken);
        rows.Sort((a, b) =>
        {
            var order = a.ScanId.CompareTo(b.ScanId);
            order = order != 0 ? order : a.SliceIndex.CompareTo(b.SliceIndex);
            order = order != 0 ? order : string.CompareOrdinal(a.SopInstanceUid, b.SopInstanceUid);
            return order != 0 ? order : string.CompareOrdinal(a.Rater, b.Rater);
        });

        await output.WriteAsync(CsvFormat.Record(withMeasurements ? [.. LabelCsv.Columns, .. LabelCsv.MeasurementColumns] : LabelCsv.Columns));
        foreach (var row in rows)
        {
            string[] fields = [row.Rater, row.SopInstanceUid, row.Label.ToWireName()];
            await output.WriteAsync(CsvFormat.Record(withMeasurements ? [.. fields, .. MeasurementFields(row.BlendSignRoiMeanA, row.BlendSignRoiMeanB)] : fields));
        }

        await output.FlushAsync(cancellationToken);
        return new LabelExportResult(rows.Count, rows.Select(r => r.ScanId).Distinct().Count());
    }

    private static string[] MeasurementFields(double? meanA, double? meanB)
    {
        if (meanA is not { } a || meanB is not { } b)
        {
            return ["", "", "", ""];
        }

        var measurement = new BlendSignMeasurement(a, b);
        return [Number(a), Number(b), Number(measurement.Difference), measurement.CriterionMet ? "true" : "false"];
    }

    private static string Number(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
}
