namespace BlendSign.Model.Review;

// Confident learning (Northcutt et al., 2021). Slices are ranked by cleanlab's self-confidence with adjust_pred_probs,
// so that a class the model over-calls (blend sign under the study's class weight 20) does not crowd the top. Slices
// queued only for a box disagreement follow the suspects: their label is not in doubt, however low its score.
public static class ConfidentLearning
{
    public const int ClassCount = 3;

    public static ReviewScoring Score(IReadOnlyList<ReviewInput> slices, ReviewScoringOptions? options = null)
    {
        options ??= new ReviewScoringOptions();
        foreach (var slice in slices)
        {
            Validate(slice);
        }

        var thresholds = Thresholds(slices);
        var adjustment = AdjustmentOf(thresholds);
        var scored = slices.Select(s => ScoreSlice(s, thresholds, adjustment, options)).ToList();
        var ranked = scored
            .OrderByDescending(s => s.IsSuspect)
            .ThenByDescending(s => s.NeedsReview)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        return new ReviewScoring(thresholds, ranked, RaterDisagreements(slices, scored));
    }

    /// <summary>Per-class thresholds; a class no slice has as its gold label gets +∞ (it can never be suggested).</summary>
    public static double[] Thresholds(IReadOnlyList<ReviewInput> slices)
    {
        var thresholds = new double[ClassCount];
        for (var c = 0; c < ClassCount; c++)
        {
            var ofClass = slices.Where(s => s.GoldLabel == c).ToList();
            thresholds[c] = ofClass.Count == 0 ? double.PositiveInfinity : ofClass.Average(s => s.Probabilities[c]);
        }

        return thresholds;
    }

    private static SliceReviewScore ScoreSlice(ReviewInput slice, IReadOnlyList<double> thresholds, double[] adjustment, ReviewScoringOptions options)
    {
        var p = slice.Probabilities;
        int? suggested = null;
        for (var c = 0; c < ClassCount; c++)
        {
            if (c != slice.GoldLabel && p[c] >= thresholds[c] && (suggested is null || p[c] > p[suggested.Value]))
            {
                suggested = c;
            }
        }

        var selfConfidence = p[slice.GoldLabel];
        return new SliceReviewScore(
            slice.Key, slice.GoldLabel, Argmax(p), p, selfConfidence, suggested is not null, suggested,
            1 - Adjust(p, adjustment)[slice.GoldLabel], BoxCheck(slice, options));
    }

    // The largest threshold added back keeps every value non-negative; a class without a threshold (no gold slice)
    // counts as if its threshold were 1.
    public static double[] Adjusted(IReadOnlyList<double> probabilities, IReadOnlyList<double> thresholds) =>
        Adjust(probabilities, AdjustmentOf(thresholds));

    private static double[] AdjustmentOf(IReadOnlyList<double> thresholds)
    {
        var finite = thresholds.Select(t => double.IsFinite(t) ? t : 1.0).ToArray();
        var shift = finite.Max();
        return [.. finite.Select(t => shift - t)];
    }

    private static double[] Adjust(IReadOnlyList<double> probabilities, double[] adjustment)
    {
        var adjusted = probabilities.Select((p, c) => p + adjustment[c]).ToArray();
        var sum = adjusted.Sum();
        return [.. adjusted.Select(a => a / sum)];
    }

    private static BoxDisagreement BoxCheck(ReviewInput slice, ReviewScoringOptions options)
    {
        var bleed = slice.Probabilities[1] + slice.Probabilities[2];
        if (!slice.HasConsensusBox && bleed >= options.BleedConfidence)
        {
            return BoxDisagreement.PredictedBleedWithoutBox;
        }

        return slice.HasConsensusBox && slice.Probabilities[0] >= options.NoBleedConfidence
            ? BoxDisagreement.BoxWithoutPredictedBleed
            : BoxDisagreement.None;
    }

    private static List<RaterDisagreement> RaterDisagreements(IReadOnlyList<ReviewInput> slices, IReadOnlyList<SliceReviewScore> scored)
    {
        var disagreements = new List<RaterDisagreement>();
        for (var i = 0; i < slices.Count; i++)
        {
            var predicted = scored[i].PredictedLabel;
            for (var r = 0; r < slices[i].RaterLabels.Count; r++)
            {
                if (slices[i].RaterLabels[r] is { } label && label != slices[i].GoldLabel && label != predicted)
                {
                    disagreements.Add(new RaterDisagreement(r, slices[i].Key, label, slices[i].GoldLabel, predicted));
                }
            }
        }

        return disagreements;
    }

    private static int Argmax(IReadOnlyList<double> p)
    {
        var best = 0;
        for (var c = 1; c < p.Count; c++)
        {
            if (p[c] > p[best])
            {
                best = c;
            }
        }

        return best;
    }

    private static void Validate(ReviewInput slice)
    {
        if (slice.Probabilities.Count != ClassCount)
        {
            throw new ArgumentException($"Slice {slice.Key}: {ClassCount} probabilities are needed, got {slice.Probabilities.Count}.");
        }

        if (slice.GoldLabel is < 0 or >= ClassCount)
        {
            throw new ArgumentException($"Slice {slice.Key}: gold label {slice.GoldLabel} is not a class.");
        }
    }
}
