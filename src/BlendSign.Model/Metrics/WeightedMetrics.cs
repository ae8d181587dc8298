using BlendSign.Model.CrossValidation;

namespace BlendSign.Model.Metrics;

/// <summary>
/// Table 3's per-class metrics over the out-of-fold slices with a weight per slice (how often its scan was drawn in a
/// bootstrap resample), equal to the metrics of the resample with those slices repeated. The slices are sorted by each
/// class's score once, so a resample costs one pass per class instead of a sort. NaN where a metric is undefined.
/// </summary>
internal sealed class WeightedMetrics
{
    private readonly int[] _gold;
    private readonly int[] _predicted;
    private readonly int[][] _order;
    private readonly double[][] _scores;
    private readonly int _classes;

    public WeightedMetrics(IReadOnlyList<OofPrediction> predictions, int classes = 3)
    {
        _classes = classes;
        _gold = [.. predictions.Select(p => p.Label)];
        _predicted = [.. predictions.Select(p => ClassificationMetrics.Argmax(p.Probabilities))];
        _scores = [.. Enumerable.Range(0, classes).Select(c => predictions.Select(p => p.Probabilities[c]).ToArray())];
        _order = [.. _scores.Select(s => Enumerable.Range(0, s.Length).OrderBy(i => s[i]).ToArray())];
    }

    /// <summary>Sensitivity, specificity, F1 and AUC of each class: <c>result[class * 4 + metric]</c>.</summary>
    public double[] Compute(IReadOnlyList<int> weights)
    {
        var result = new double[_classes * 4];
        for (var c = 0; c < _classes; c++)
        {
            double tp = 0, fn = 0, fp = 0, tn = 0;
            for (var i = 0; i < _gold.Length; i++)
            {
                var w = weights[i];
                if (w == 0)
                {
                    continue;
                }

                var positive = _gold[i] == c;
                var called = _predicted[i] == c;
                if (positive && called)
                {
                    tp += w;
                }
                else if (positive)
                {
                    fn += w;
                }
                else if (called)
                {
                    fp += w;
                }
                else
                {
                    tn += w;
                }
            }

            result[c * 4] = Ratio(tp, tp + fn);
            result[c * 4 + 1] = Ratio(tn, tn + fp);
            result[c * 4 + 2] = Ratio(2 * tp, 2 * tp + fn + fp);
            result[c * 4 + 3] = Auc(c, weights);
        }

        return result;
    }

    // Mann–Whitney over tie groups of equal score: each positive counts the negatives below it, and half of those tied.
    private double Auc(int c, IReadOnlyList<int> weights)
    {
        var order = _order[c];
        var scores = _scores[c];
        double below = 0, sum = 0, positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            double groupPositive = 0, groupNegative = 0;
            for (var k = start; k <= end; k++)
            {
                var i = order[k];
                if (_gold[i] == c)
                {
                    groupPositive += weights[i];
                }
                else
                {
                    groupNegative += weights[i];
                }
            }

            sum += groupPositive * (below + groupNegative / 2);
            below += groupNegative;
            positives += groupPositive;
            start = end + 1;
        }

        return positives == 0 || below == 0 ? double.NaN : sum / (positives * below);
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
