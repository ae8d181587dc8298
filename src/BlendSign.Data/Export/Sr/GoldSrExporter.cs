using BlendSign.Data.Dicom;
using BlendSign.Data.Gold;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Data.Export.Sr;

// Only CT scans: the report must name its images' SOP class, and an import stores CT Image Storage slices unless
// --assume-ct vouched for another modality, whose class it does not keep.
public sealed class GoldSrExporter(GoldStandardService gold, IDbContextFactory<BlendSignDbContext> dbFactory, TimeProvider time)
{
    public const string CtImageStorage = DicomUids.CtImageStorage;

    public async Task<SrExportResult> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var standard = await gold.ComputeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scans = await db.Scans.AsNoTracking()
            .Select(s => new { s.Id, s.PseudonymousId, s.StudyInstanceUid, s.SeriesInstanceUid, s.Modality })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        Directory.CreateDirectory(folder);
        var written = new List<SrExportFile>();
        var skipped = new List<string>();
        foreach (var group in standard.Slices.GroupBy(s => s.ScanId).OrderBy(g => scans[g.Key].PseudonymousId, StringComparer.Ordinal))
        {
            var scan = scans[group.Key];
            var labelled = group.Where(s => s.Decision.Label is not null).ToList();
            if (labelled.Count == 0)
            {
                continue;
            }

            if (scan.Modality != "CT")
            {
                skipped.Add($"{scan.PseudonymousId}: modality {scan.Modality}, whose SOP class is not kept");
                continue;
            }

            var uids = new SrUids(DicomUids.New(), DicomUids.New(), DicomUids.New);
            var report = MeasurementReport.Build(
                new SrScan(scan.PseudonymousId, scan.StudyInstanceUid, scan.SeriesInstanceUid, CtImageStorage, [.. group]),
                uids, time.GetUtcNow());
            var path = Path.Combine(folder, $"{scan.PseudonymousId}.sr.dcm");
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                DicomPart10Writer.Write(file, report, MeasurementReport.EnhancedSrStorage, uids.Instance);
            }

            written.Add(new SrExportFile(scan.PseudonymousId, path, uids.Instance, labelled.Count, labelled.Sum(s => s.Boxes.Count)));
        }

        return new SrExportResult(written, skipped);
    }
}

public sealed record SrExportResult(IReadOnlyList<SrExportFile> Files, IReadOnlyList<string> Skipped);

public sealed record SrExportFile(string ScanPseudonym, string Path, string SopInstanceUid, int Slices, int Boxes);
