using BlendSign.Model.CrossValidation;

namespace BlendSign.Model.Metrics;

/// <summary>A point of a ROC curve: false and true positive rates when scores ≥ <see cref="Threshold"/> count as positive.</summary>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);

// As scikit-learn's roc_curve(drop_intermediate=False): one point per distinct score, highest first, after a point
// (0, 0) whose threshold is +∞. Empty when positives or negatives are missing.
public static class RocCurve
{
    public static IReadOnlyList<RocPoint> Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        if (positive.Count != score.Count)
        {
            throw new ArgumentException("One score per example is needed.", nameof(score));
        }

        var positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return [];
        }

        var order = Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ToArray();
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        var (tp, fp) = (0, 0);
        for (var k = 0; k < order.Length; k++)
        {
            if (positive[order[k]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (k + 1 == order.Length || score[order[k + 1]] != score[order[k]])
            {
                points.Add(new RocPoint((double)fp / negatives, (double)tp / positives, score[order[k]]));
            }
        }

        return points;
    }

    public static IReadOnlyList<IReadOnlyList<RocPoint>> PerClass(IReadOnlyList<OofPrediction> predictions, int classes = 3) =>
        [.. Enumerable.Range(0, classes).Select(c => Compute(
            predictions.Select(p => p.Label == c).ToArray(),
            predictions.Select(p => p.Probabilities[c]).ToArray()))];
}
