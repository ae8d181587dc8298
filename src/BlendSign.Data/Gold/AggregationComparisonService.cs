using BlendSign.Data.Labels;

namespace BlendSign.Data.Gold;

public sealed class AggregationComparisonService(GoldStandardService gold)
{
    public async Task<AggregationComparison> CompareAsync(DawidSkeneOptions? options = null, CancellationToken cancellationToken = default)
    {
        var standard = await gold.ComputeAsync(cancellationToken);
        return Compare(standard, options);
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
