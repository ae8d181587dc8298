using BlendSign.Model.Review;

namespace BlendSign.Model.Tests.Review;

public class ConfidentLearningTests
{
    // Hand-computed: thresholds t0 = (0.9 + 0.5) / 2 = 0.7, t1 = (0.8 + 0.2) / 2 = 0.5, t2 = (0.8 + 0.4) / 2 = 0.6.
    // D (gold 1) has p2 = 0.62 >= t2: suspect, suggests 2. F (gold 2) has p1 = 0.52 >= t1: suspect, suggests 1.
    // B (gold 0) has p2 = 0.4 < t2: not suspect although its self-confidence is only 0.5.
    private static readonly ReviewInput[] Slices =
    [
        new("A", 0, [0.9, 0.08, 0.02], [0, 0, 0], HasConsensusBox: true),
        new("B", 0, [0.5, 0.1, 0.4], [0, 0, 2], false),
        new("C", 1, [0.1, 0.8, 0.1], [1, 1, 1], true),
        new("D", 1, [0.18, 0.2, 0.62], [1, 0, 2], true),
        new("E", 2, [0.05, 0.15, 0.8], [2, 2, 2], true),
        new("F", 2, [0.08, 0.52, 0.4], [2, 1, null], true),
    ];

    [Fact]
    public void Thresholds_MeanProbabilityOfEachClassOverItsGoldSlices()
    {
        var thresholds = ConfidentLearning.Thresholds(Slices);

        Assert.Equal([0.7, 0.5, 0.6], thresholds.Select(t => Math.Round(t, 12)));
    }

    [Fact]
    public void Score_HandComputedCase_FlagsSuspectsAndSuggestsTheClassThatClearsItsThreshold()
    {
        var scoring = ConfidentLearning.Score(Slices);
        var byKey = scoring.Ranked.ToDictionary(s => s.Key);

        Assert.True(byKey["D"].IsSuspect);
        Assert.Equal(2, byKey["D"].SuggestedLabel);
        // Adjusted: p − t + max t = [0.18, 0.4, 0.72], sum 1.3; score 1 − 0.4 / 1.3.
        Assert.Equal(1 - 0.4 / 1.3, byKey["D"].Score, 12);
        Assert.Equal([Math.Round(0.18 / 1.3, 12), Math.Round(0.4 / 1.3, 12), Math.Round(0.72 / 1.3, 12)],
            ConfidentLearning.Adjusted([0.18, 0.2, 0.62], scoring.Thresholds).Select(a => Math.Round(a, 12)));
        Assert.Equal(0.2, byKey["D"].SelfConfidence, 12);
        Assert.Equal(2, byKey["D"].PredictedLabel);
        Assert.True(byKey["F"].IsSuspect);
        Assert.Equal(1, byKey["F"].SuggestedLabel);
        Assert.False(byKey["B"].IsSuspect);
        Assert.Null(byKey["B"].SuggestedLabel);
        Assert.Equal(["A", "C", "E"], scoring.Ranked.Where(s => !s.IsSuspect && s.Key != "B").Select(s => s.Key).Order());
    }

    [Fact]
    public void Score_RanksSlicesNeedingReviewFirstByScore()
    {
        var scoring = ConfidentLearning.Score(Slices);

        // Adjusted rows are (p + [0, 0.2, 0.1]) / 1.3: scores D 0.692, F 0.615, A 0.308, B 0.615, C 0.231, E 0.308.
        // A's consensus box contradicts the model's p(non_ich) = 0.9, so it joins the queue after the two suspects.
        Assert.Equal(["D", "F", "A", "B", "E", "C"], scoring.Ranked.Select(s => s.Key));
        Assert.Equal(["D", "F", "A"], scoring.Queue.Select(s => s.Key));
        Assert.Equal(BoxDisagreement.BoxWithoutPredictedBleed, scoring.Ranked[2].BoxDisagreement);
    }

    [Fact]
    public void Score_BoxDisagreementOnly_QueuedAfterEverySuspectEvenWithAHigherScore()
    {
        // Thresholds t0 = (0.98 + 0.96) / 2 = 0.97, t1 = (0.96 + 0.38 + 0.08) / 3 = 0.4733, t2 = (0.30 + 0.90) / 2 = 0.6;
        // adjusted rows (p + [0, 0.4967, 0.37]) / 1.8667. S (gold 1): p2 = 0.60 >= t2, suspect, score 0.530. E (gold 2):
        // p1 = 0.68 >= t1, suspect, score 0.641. Y (gold 1): p0 = 0.90 < t0 and p2 < t2, not suspect, but its consensus
        // box meets p(non_ich) = 0.90, so it is queued for the box alone, with the highest score, 0.691.
        ReviewInput[] slices =
        [
            new("A", 0, [0.98, 0.01, 0.01], [0, 0, 0], false),
            new("B", 0, [0.96, 0.02, 0.02], [0, 0, 0], false),
            new("C", 1, [0.02, 0.96, 0.02], [1, 1, 1], true),
            new("S", 1, [0.02, 0.38, 0.60], [1, 1, 2], true),
            new("Y", 1, [0.90, 0.08, 0.02], [1, 1, 0], true),
            new("E", 2, [0.02, 0.68, 0.30], [2, 2, 1], true),
            new("F", 2, [0.02, 0.08, 0.90], [2, 2, 2], true),
        ];

        var scoring = ConfidentLearning.Score(slices);

        var byKey = scoring.Ranked.ToDictionary(s => s.Key);
        Assert.Equal([0.97, 0.473333, 0.6], scoring.Thresholds.Select(t => Math.Round(t, 6)));
        Assert.Equal((true, 2), (byKey["S"].IsSuspect, byKey["S"].SuggestedLabel!.Value));
        Assert.Equal((true, 1), (byKey["E"].IsSuspect, byKey["E"].SuggestedLabel!.Value));
        Assert.Equal((false, BoxDisagreement.BoxWithoutPredictedBleed), (byKey["Y"].IsSuspect, byKey["Y"].BoxDisagreement));
        Assert.Equal([0.530357, 0.641071, 0.691071], new[] { "S", "E", "Y" }.Select(k => Math.Round(byKey[k].Score, 6)));
        Assert.Equal(["E", "S", "Y"], scoring.Queue.Select(s => s.Key));
    }

    [Fact]
    public void Score_ConfidentBleedWithoutConsensusBox_IsFlagged()
    {
        ReviewInput[] slices =
        [
            new("bleed-no-box", 1, [0.02, 0.93, 0.05], [1, 1, 1], HasConsensusBox: false),
            new("unsure-no-box", 1, [0.2, 0.7, 0.1], [1, 1, 1], HasConsensusBox: false),
        ];

        var byKey = ConfidentLearning.Score(slices).Ranked.ToDictionary(s => s.Key);

        Assert.Equal(BoxDisagreement.PredictedBleedWithoutBox, byKey["bleed-no-box"].BoxDisagreement);
        Assert.Equal(BoxDisagreement.None, byKey["unsure-no-box"].BoxDisagreement);
    }

    [Fact]
    public void Score_RaterDisagreeingWithGoldAndModel_IsListedOnce()
    {
        var scoring = ConfidentLearning.Score(Slices);

        // D: gold 1, model 2; rater 1 said 0 (differs from both). Rater 2's 2 matches the model, rater 0's 1 the gold.
        // B: gold 0, model 0; rater 2 said 2. F: rater 1's 1 is the model's prediction, so it is not listed.
        Assert.Equal(
            [new RaterDisagreement(2, "B", 2, 0, 0), new RaterDisagreement(1, "D", 0, 1, 2)],
            scoring.RaterDisagreements.OrderBy(d => d.Key));
    }

    [Fact]
    public void Score_ClassNobodyHasAsGold_NeverSuggested()
    {
        ReviewInput[] slices =
        [
            new("a", 0, [0.4, 0.3, 0.3], [0], false),
            new("b", 0, [0.1, 0.1, 0.8], [0], false),
        ];

        var scoring = ConfidentLearning.Score(slices);

        Assert.All(scoring.Ranked, s => Assert.False(s.IsSuspect));
        Assert.True(double.IsPositiveInfinity(scoring.Thresholds[2]));
    }

    [Fact]
    public void Score_WrongNumberOfProbabilities_IsRefusedWithTheSlice()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfidentLearning.Score([new ReviewInput("x", 0, [1.0, 0.0], [0], false)]));

        Assert.Contains("Slice x", error.Message);
    }
}
