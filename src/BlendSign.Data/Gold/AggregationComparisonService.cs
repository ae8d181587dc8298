using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;

namespace BlendSign.Data.Gold;

public sealed class AggregationComparisonService(GoldStandardService gold)
{
    private readonly ComputedCache<StudyVersion, AggregationComparison> _current = new(1);

    /// <summary>With the default options: computed once per <see cref="StudyVersion"/> (the agreement page shows it).</summary>
    public async Task<AggregationComparison> CompareAsync(DawidSkeneOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options is not null)
        {
            return Compare(await gold.ComputeAsync(cancellationToken), options);
        }

        var version = await gold.VersionAsync(cancellationToken);
        return await _current.GetAsync(version, async () => Compare(await gold.ComputeAsync()));
    }

    public static AggregationComparison Compare(GoldStandard standard, DawidSkeneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var column = standard.Raters.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, StringComparer.Ordinal);
        var read = standard.Slices.Where(s => s.Reads.Any(r => r.Label is not null)).ToList();
        var rows = read.Select(s =>
        {
            var row = new HemorrhageClass?[standard.Raters.Count];
            foreach (var r in s.Reads)
            {
                row[column[r.Rater]] = r.Label;
            }

            return (IReadOnlyList<HemorrhageClass?>)row;
        }).ToList();
        var result = DawidSkene.Fit(rows, Math.Max(1, standard.Raters.Count), options);

        var differences = new List<AggregationDifference>();
        for (var i = 0; i < read.Count; i++)
        {
            var label = result.MostLikely(i);
            if (read[i].Vote.Label != label)
            {
                differences.Add(new AggregationDifference(read[i].SopInstanceUid, read[i].ScanPseudonym, read[i].SliceIndex,
                    read[i].Vote.Label, read[i].Vote.Status, label, result.Posteriors[i][(int)label]));
            }
        }

        return new AggregationComparison(standard.Raters, read.Count, result, differences);
    }
}
