using System.Globalization;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Health;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Review;

/// <summary>
/// How good a run's model is on its own out-of-fold slices against its snapshot's gold labels: the mean one-vs-rest AUC
/// and the chance-level findings. Fixed once the run completed, so the queue computes it once per run (the bootstrap
/// costs about a second at the study's size).
/// </summary>
public sealed record RunStrength(double? MacroAuc, IReadOnlyList<string> ChanceFindings)
{
    public static RunStrength Of(ReviewRunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Slices.Count < 2)
        {
            return new RunStrength(null, []);
        }

        var predictions = run.Slices.Select(s => new OofPrediction(s.SopInstanceUid, s.ScanId.ToString(CultureInfo.InvariantCulture), 0,
            (int)s.GoldLabel, s.Probabilities)).ToList();
        var metrics = ClassificationMetrics.Compute(predictions);
        var aucs = metrics.PerClass.Select(c => c.Auc).OfType<double>().ToList();
        var findings = ChanceLevel.Findings(predictions, metrics, ScanBootstrap.Intervals(predictions),
            [.. HemorrhageClassNames.All.Select(c => c.ToWireName())]);
        return new RunStrength(aucs.Count == 0 ? null : aucs.Average(), findings);
    }
}
