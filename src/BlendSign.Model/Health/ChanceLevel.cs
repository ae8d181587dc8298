using System.Globalization;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Metrics;

namespace BlendSign.Model.Health;

// A weak model passes the divergence guard (its outputs vary), yet its Table 3 may be indistinguishable from chance.
// The findings: a class whose AUC interval includes 0.5 (or lies below it), a class with positives of which none is
// found, and one class predicted for nearly every slice (at least 99 %, as the issue 23 run: 16,205 of 16,217 non_ich).
public static class ChanceLevel
{
    public const double OneClassShare = 0.99;

    public static IReadOnlyList<string> Findings(
        IReadOnlyList<OofPrediction> predictions, ClassificationMetrics metrics, IReadOnlyList<ClassIntervals> intervals,
        IReadOnlyList<string> classNames)
    {
        var findings = new List<string>();
        if (predictions.Count < 2)
        {
            return findings;
        }

        for (var c = 0; c < classNames.Count; c++)
        {
            var name = classNames[c];
            if (intervals[c].Auc is { } auc && auc.Contains(0.5))
            {
                findings.Add($"This model is no better than chance for {name}: the 95 % interval of its AUC " +
                    $"({F(auc.Lower)} to {F(auc.Upper)}) includes 0.5, so its ranking of {name} is not evidence.");
            }
            else if (intervals[c].Auc is { } inverted && inverted.Upper < 0.5)
            {
                findings.Add($"This model is worse than chance for {name}: the 95 % interval of its AUC " +
                    $"({F(inverted.Lower)} to {F(inverted.Upper)}) lies below 0.5, so it ranks {name} backwards.");
            }

            var m = metrics.PerClass[c];
            if (m.Positives > 0 && m.Sensitivity == 0)
            {
                findings.Add($"It finds none of the {m.Positives} {name} slices (sensitivity 0).");
            }
        }

        var predicted = predictions.GroupBy(p => ClassificationMetrics.Argmax(p.Probabilities)).OrderByDescending(g => g.Count()).First();
        var share = (double)predicted.Count() / predictions.Count;
        if (share >= OneClassShare && predictions.Select(p => p.Label).Distinct().Count() > 1)
        {
            findings.Add($"It predicts {classNames[predicted.Key]} for {(100 * share).ToString("0.0", CultureInfo.InvariantCulture)} % " +
                $"of the slices ({predicted.Count()} of {predictions.Count}).");
        }

        return findings;
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
