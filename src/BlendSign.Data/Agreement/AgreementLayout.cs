namespace BlendSign.Data.Agreement;

/// <summary>
/// A per-scan row holds per class Σ n_ic and Σ n_ic² (n_ic: raters choosing class c on slice i) and per rater pair a 3×3
/// confusion matrix: enough for Fleiss' and Cohen's kappa. Rows add, so a bootstrap resample is a sum of rows.
/// </summary>
internal sealed class AgreementLayout
{
    public const int ClassCount = 3;
    public const int OverallGroup = ClassCount;
    public const int GroupCount = ClassCount + 1;
    public const int SliceCountIndex = 0;
    private const int PairBlockStart = 1 + (2 * ClassCount);
    private const int CellsPerPair = ClassCount * ClassCount;

    public AgreementLayout(int raters)
    {
        Raters = raters;
        var pairs = new List<(int First, int Second)>();
        for (var i = 0; i < raters; i++)
        {
            for (var j = i + 1; j < raters; j++)
            {
                pairs.Add((i, j));
            }
        }

        Pairs = pairs;
        Stride = PairBlockStart + (CellsPerPair * pairs.Count);
        MetricsPerGroup = 1 + pairs.Count;
        MetricCount = GroupCount * MetricsPerGroup;
    }

    public int Raters { get; }

    /// <summary>Rater index pairs (i &lt; j) in the order 0-1, 0-2, ..., 1-2, ...</summary>
    public IReadOnlyList<(int First, int Second)> Pairs { get; }

    public int Stride { get; }

    public int MetricsPerGroup { get; }

    public int MetricCount { get; }

    public static int ClassTotalIndex(int c) => 1 + c;

    public static int ClassSquaresIndex(int c) => 1 + ClassCount + c;

    public static int CellIndex(int pair, int first, int second) =>
        PairBlockStart + (CellsPerPair * pair) + (ClassCount * first) + second;

    public int FleissMetric(int group) => group * MetricsPerGroup;

    public int CohenMetric(int group, int pair) => (group * MetricsPerGroup) + 1 + pair;
}
