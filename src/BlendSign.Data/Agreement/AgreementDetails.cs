using BlendSign.Data.Labels;

namespace BlendSign.Data.Agreement;

/// <summary>What sits behind Table 2, over the same compared slices (read by every rater).</summary>
public static class AgreementDetails
{
    public const string Overall = "overall";

    /// <summary>Rows: the first rater's class; columns: the second's.</summary>
    public static long[,] PairConfusion(LabelMatrix matrix, int first, int second)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var confusion = new long[3, 3];
        foreach (var slice in matrix.Slices.Where(LabelMatrix.IsComplete))
        {
            confusion[(int)slice.Labels[first]!.Value, (int)slice.Labels[second]!.Value]++;
        }

        return confusion;
    }

    public static IReadOnlyList<long[]> Prevalence(LabelMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var counts = matrix.Raters.Select(_ => new long[3]).ToList();
        foreach (var slice in matrix.Slices.Where(LabelMatrix.IsComplete))
        {
            for (var r = 0; r < counts.Count; r++)
            {
                counts[r][(int)slice.Labels[r]!.Value]++;
            }
        }

        return counts;
    }

    /// <summary>For a class (class vs rest): exactly one of them chose it; for <see cref="Overall"/>: they differ.</summary>
    public static bool Disagree(HemorrhageClass first, HemorrhageClass second, string group)
    {
        if (string.Equals(group, Overall, StringComparison.Ordinal))
        {
            return first != second;
        }

        return HemorrhageClassNames.TryParse(group, out var c)
            ? (first == c) != (second == c)
            : throw new ArgumentException($"Unknown group '{group}'.", nameof(group));
    }

    public static IReadOnlyList<RatedSlice> Disagreements(LabelMatrix matrix, int first, int second, string group)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Slices
            .Where(s => LabelMatrix.IsComplete(s) && Disagree(s.Labels[first]!.Value, s.Labels[second]!.Value, group))
            .ToList();
    }
}
