namespace BlendSign.Model.Metrics;

// From ranks (Mann–Whitney U), ties counting one half: what the trapezoidal ROC area gives.
public static class RocAuc
{
    /// <summary>The AUC, or null when the positives or the negatives are missing.</summary>
    public static double? Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        if (positive.Count != score.Count)
        {
            throw new ArgumentException("One score per example is needed.", nameof(score));
        }

        var order = Enumerable.Range(0, score.Count).OrderBy(i => score[i]).ToArray();
        long positives = 0;
        var positiveRankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            var averageRank = (start + end) / 2.0 + 1.0;
            for (var k = start; k <= end; k++)
            {
                if (positive[order[k]])
                {
                    positives++;
                    positiveRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        long negatives = score.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
