using System.Diagnostics;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Agreement;

/// <summary>
/// Inter-rater agreement over the database: the labels of non-excluded scans, raters being the users who gave
/// them (ordered by user name). Used by <c>agreement</c> and the agreement page.
/// </summary>
public sealed class AgreementService(IDbContextFactory<BlendSignDbContext> dbFactory, ILogger<AgreementService> logger)
{
    public async Task<AgreementReport> ComputeAsync(AgreementOptions? options = null, CancellationToken cancellationToken = default)
    {
        var matrix = await LoadMatrixAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var report = AgreementCalculator.Compute(matrix, options);
        logger.LogInformation(
            "Agreement of {Raters} raters over {Slices} slices of {Scans} scans with {Resamples} bootstrap resamples in {Elapsed} ms",
            report.Raters.Count, report.SlicesCompared, report.ScansCompared, report.BootstrapResamples, watch.ElapsedMilliseconds);
        return report;
    }

    /// <summary>Every labeled slice of a non-excluded scan, one column per rater.</summary>
    public async Task<LabelMatrix> LoadMatrixAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labels = await db.SliceLabels
            .AsNoTracking()
            .Where(l => l.Slice.Scan.Exclusion == null)
            .Select(l => new { l.SliceId, l.Slice.ScanId, l.Slice.SliceIndex, l.RaterId, Rater = l.Rater.UserName!, l.Label })
            .ToListAsync(cancellationToken);

        var raters = labels.Select(l => (l.RaterId, l.Rater)).Distinct()
            .OrderBy(r => r.Rater, StringComparer.Ordinal)
            .ToList();
        var column = raters.Select((r, i) => (r.RaterId, i)).ToDictionary(r => r.RaterId, r => r.i, StringComparer.Ordinal);
        var slices = labels
            .GroupBy(l => (l.ScanId, l.SliceIndex, l.SliceId))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var row = new HemorrhageClass?[raters.Count];
                foreach (var label in g)
                {
                    row[column[label.RaterId]] = label.Label;
                }

                return new RatedSlice(g.Key.ScanId, row);
            })
            .ToList();
        return new LabelMatrix(raters.Select(r => r.Rater).ToList(), slices);
    }
}
