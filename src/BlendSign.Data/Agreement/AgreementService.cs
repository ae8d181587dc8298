using System.Diagnostics;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Agreement;

/// <summary>Raters are the users who labeled non-excluded scans, ordered by user name.</summary>
public sealed class AgreementService(IDbContextFactory<BlendSignDbContext> dbFactory, ILogger<AgreementService> logger)
{
    private readonly ComputedCache<StudyVersion, AgreementView> _current = new(1);

    /// <summary>The matrix, Table 2 and the prevalence as the labels are now; computed once per <see cref="StudyVersion"/>.</summary>
    public async Task<AgreementView> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var version = await StudyVersion.ReadAsync(dbFactory, cancellationToken);
        return await _current.GetAsync(version, async () =>
        {
            var matrix = await LoadMatrixAsync();
            return new AgreementView(matrix, Compute(matrix, null), AgreementDetails.Prevalence(matrix));
        });
    }

    public async Task<AgreementReport> ComputeAsync(AgreementOptions? options = null, CancellationToken cancellationToken = default) =>
        options is null ? (await CurrentAsync(cancellationToken)).Report : Compute(await LoadMatrixAsync(cancellationToken), options);

    private AgreementReport Compute(LabelMatrix matrix, AgreementOptions? options)
    {
        var watch = Stopwatch.StartNew();
        var report = AgreementCalculator.Compute(matrix, options);
        logger.LogInformation(
            "Agreement of {Raters} raters over {Slices} slices of {Scans} scans with {Resamples} bootstrap resamples in {Elapsed} ms",
            report.Raters.Count, report.SlicesCompared, report.ScansCompared, report.BootstrapResamples, watch.ElapsedMilliseconds);
        return report;
    }

    /// <summary>In scan and slice order; null when a rater or the row (a class wire name or <see cref="AgreementDetails.Overall"/>) is unknown.</summary>
    public async Task<IReadOnlyList<SliceDisagreement>?> DisagreementsAsync(
        string first, string second, string group, CancellationToken cancellationToken = default)
    {
        var matrix = (await CurrentAsync(cancellationToken)).Matrix;
        var a = IndexOf(matrix, first);
        var b = IndexOf(matrix, second);
        if (a < 0 || b < 0 || a == b || (group != AgreementDetails.Overall && !HemorrhageClassNames.TryParse(group, out _)))
        {
            return null;
        }

        var slices = AgreementDetails.Disagreements(matrix, a, b, group);
        var ids = slices.Select(s => s.SliceId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Projected in the query: ToDictionaryAsync's element selector runs on the client, where Scan is not loaded.
        var identities = await db.Slices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.SopInstanceUid, s.Scan.PseudonymousId, s.SliceIndex })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return slices.Where(s => identities.ContainsKey(s.SliceId)).Select(s =>
        {
            var id = identities[s.SliceId];
            return new SliceDisagreement(id.SopInstanceUid, id.PseudonymousId, id.SliceIndex, s.Labels[a]!.Value, s.Labels[b]!.Value);
        }).ToList();
    }

    private static int IndexOf(LabelMatrix matrix, string rater)
    {
        for (var i = 0; i < matrix.Raters.Count; i++)
        {
            if (string.Equals(matrix.Raters[i], rater, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

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

                return new RatedSlice(g.Key.ScanId, row, g.Key.SliceId);
            })
            .ToList();
        return new LabelMatrix(raters.Select(r => r.Rater).ToList(), slices);
    }
}
