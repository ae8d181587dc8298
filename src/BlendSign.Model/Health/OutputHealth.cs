using System.Globalization;
using BlendSign.Model.CrossValidation;
using BlendSign.Model.Metrics;

namespace BlendSign.Model.Health;

// Tells a failed model from a weak one. Constant: every slice got the same triple (each AUC exactly 0.5). Saturated: at
// least half the slices have a class probability below 10⁻¹² (logit gaps over 27, which weight decay and cross-entropy
// do not produce in a healthy run). Measured on 402 held-out demo slices: healthy runs 0–15 saturated rows, the
// diverged student of issue 11 381.
public static class OutputHealth
{
    public const double SaturatedProbability = 1e-12;
    public const double SaturatedShare = 0.5;
    public const double ConstantTolerance = 1e-6;

    public static IReadOnlyList<DivergenceFinding> Check(IReadOnlyList<OofPrediction> predictions, int fold, int generation)
    {
        if (predictions.Count == 0)
        {
            return [];
        }

        var who = $"fold {fold} {DivergenceFinding.GenerationName(generation)}";
        if (predictions.Count > 1 && IsConstant(predictions))
        {
            var p = predictions[0].Probabilities;
            return [new DivergenceFinding(fold, generation, DivergenceKind.ConstantOutputs,
                $"{who}: every one of the {predictions.Count} held-out slices got the same probabilities " +
                $"({string.Join(" / ", p.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)))}): the model ignores its input")];
        }

        var saturated = predictions.Count(p => p.Probabilities.Min() < SaturatedProbability);
        if (saturated >= SaturatedShare * predictions.Count)
        {
            return [new DivergenceFinding(fold, generation, DivergenceKind.SaturatedOutputs,
                $"{who}: {saturated} of {predictions.Count} held-out slices got a probability of 0 or 1 (saturated logits): the training diverged")];
        }

        return [];
    }

    /// <summary>Pooled results that look like numbers but carry no information (a constant class, one class predicted for all).</summary>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<OofPrediction> predictions, IReadOnlyList<string> classNames)
    {
        var warnings = new List<string>();
        if (predictions.Count < 2)
        {
            return warnings;
        }

        for (var c = 0; c < classNames.Count; c++)
        {
            var scores = predictions.Select(p => p.Probabilities[c]).ToArray();
            if (scores.Max() - scores.Min() <= ConstantTolerance)
            {
                warnings.Add($"AUC 0.5 for {classNames[c]} means nothing here: every slice got the same {classNames[c]} probability " +
                    $"({scores[0].ToString("0.###", CultureInfo.InvariantCulture)}).");
            }
        }

        var predicted = predictions.Select(p => ClassificationMetrics.Argmax(p.Probabilities)).Distinct().ToArray();
        var gold = predictions.Select(p => p.Label).Distinct().Count();
        if (predicted.Length == 1 && gold > 1)
        {
            warnings.Add($"The model predicts {classNames[predicted[0]]} for every one of the {predictions.Count} slices.");
        }

        return warnings;
    }

    private static bool IsConstant(IReadOnlyList<OofPrediction> predictions)
    {
        var first = predictions[0].Probabilities;
        return predictions.All(p => p.Probabilities.Select((v, c) => Math.Abs(v - first[c])).Max() <= ConstantTolerance);
    }
}
