using System.Globalization;

namespace BlendSign.Model.Health;

// A non-finite loss or gradient norm stops the run at once: nothing after it could be trusted. Exploding gradients
// (median norm before clipping above the clip norm) and a last epoch's loss at least LossRiseFactor times the first's
// (the poly schedule ends at a learning rate of 0, so a healthy loss falls) are findings that mark the run diverged.
public sealed class TrainingGuard(int fold, int generation, double clipNorm, IEnumerable<DivergenceFinding>? earlierFindings = null)
{
    public const double LossRiseFactor = 2.0;

    /// <summary>Fewer steps than this in an epoch are too few to call its gradients exploding (the first steps of a new head are large).</summary>
    public const int MinimumStepsForExploding = 5;

    private readonly List<double> _norms = [];
    private readonly List<DivergenceFinding> _findings = [.. earlierFindings ?? []];

    public IReadOnlyList<DivergenceFinding> Findings => [.. _findings];

    private string Who => $"fold {fold} {DivergenceFinding.GenerationName(generation)}";

    public void AfterStep(int epoch, int batch, double loss, double gradientNorm)
    {
        if (!double.IsFinite(loss))
        {
            throw new TrainingDivergedException(new DivergenceFinding(fold, generation, DivergenceKind.NonFiniteLoss,
                $"{Who} epoch {epoch} batch {batch}: the loss became {Describe(loss)}; training stopped (try a lower learning rate)"));
        }

        if (!double.IsFinite(gradientNorm))
        {
            throw new TrainingDivergedException(new DivergenceFinding(fold, generation, DivergenceKind.NonFiniteGradient,
                $"{Who} epoch {epoch} batch {batch}: the gradients became {Describe(gradientNorm)}; training stopped (try a lower learning rate)"));
        }

        _norms.Add(gradientNorm);
    }

    public GradientNormStats EndEpoch(int epoch, int epochs, double firstEpochLoss, double epochLoss)
    {
        var stats = GradientNormStats.From(_norms, clipNorm);
        _norms.Clear();
        if (clipNorm > 0 && stats.Steps >= MinimumStepsForExploding && stats.Median > clipNorm)
        {
            _findings.Add(new DivergenceFinding(fold, generation, DivergenceKind.ExplodingGradients, string.Create(CultureInfo.InvariantCulture,
                $"{Who} epoch {epoch}: exploding gradients (median norm {stats.Median:0.#} above the clipping norm {clipNorm:0.#}; {stats.Clipped} of {stats.Steps} steps clipped)")));
        }

        if (epoch == epochs && epochs > 1 && double.IsFinite(firstEpochLoss) && epochLoss >= LossRiseFactor * firstEpochLoss)
        {
            _findings.Add(new DivergenceFinding(fold, generation, DivergenceKind.LossRose, string.Create(CultureInfo.InvariantCulture,
                $"{Who}: the training loss rose from {firstEpochLoss:0.###} in epoch 1 to {epochLoss:0.###} in epoch {epoch}")));
        }

        return stats;
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : "infinite";
}
