using BlendSign.Model.Health;

namespace BlendSign.Model.Tests.Health;

public class TrainingGuardTests
{
    [Theory]
    [InlineData(double.NaN, 1.0, DivergenceKind.NonFiniteLoss, "the loss became NaN")]
    [InlineData(1.0, double.PositiveInfinity, DivergenceKind.NonFiniteGradient, "the gradients became infinite")]
    public void AfterStep_NonFiniteValue_StopsWithTheStepInTheReason(double loss, double norm, DivergenceKind kind, string words)
    {
        var guard = new TrainingGuard(fold: 3, generation: 1, clipNorm: 100);

        var stopped = Assert.Throws<TrainingDivergedException>(() => guard.AfterStep(epoch: 2, batch: 7, loss, norm));

        Assert.Equal(kind, stopped.Finding.Kind);
        Assert.StartsWith("fold 3 student 1 epoch 2 batch 7: " + words, stopped.Message);
    }

    [Fact]
    public void EndEpoch_MedianAboveTheClipNorm_FindsExplodingGradientsAndCountsClippedSteps()
    {
        var guard = new TrainingGuard(fold: 1, generation: 0, clipNorm: 10);
        foreach (var norm in new[] { 5.0, 6.0, 20.0, 30.0, 40.0 })
        {
            guard.AfterStep(1, 1, 1.0, norm);
        }

        var stats = guard.EndEpoch(epoch: 1, epochs: 3, firstEpochLoss: 1.0, epochLoss: 1.0);

        Assert.Equal(new GradientNormStats(20.2, 20, 40, 5, 3), stats);
        var finding = Assert.Single(guard.Findings);
        Assert.Equal(DivergenceKind.ExplodingGradients, finding.Kind);
        Assert.Equal("fold 1 teacher epoch 1: exploding gradients (median norm 20 above the clipping norm 10; 3 of 5 steps clipped)", finding.Reason);
    }

    [Fact]
    public void EndEpoch_TooFewStepsToJudge_NoExplodingFinding()
    {
        var guard = new TrainingGuard(fold: 1, generation: 0, clipNorm: 10);
        guard.AfterStep(1, 1, 1.0, 400);

        guard.EndEpoch(epoch: 1, epochs: 1, firstEpochLoss: 1.0, epochLoss: 1.0);

        Assert.Empty(guard.Findings);
    }

    [Fact]
    public void EndEpoch_LastEpochLossTwiceTheFirst_FindsTheRise_AHealthyFallIsNot()
    {
        var rising = new TrainingGuard(fold: 2, generation: 1, clipNorm: 100);
        rising.AfterStep(1, 1, 1.0, 1.0);
        rising.EndEpoch(epoch: 2, epochs: 2, firstEpochLoss: 4.0, epochLoss: 8.5);
        var falling = new TrainingGuard(fold: 2, generation: 1, clipNorm: 100);
        falling.AfterStep(1, 1, 1.0, 1.0);
        falling.EndEpoch(epoch: 2, epochs: 2, firstEpochLoss: 4.0, epochLoss: 3.0);

        Assert.Equal("fold 2 student 1: the training loss rose from 4 in epoch 1 to 8.5 in epoch 2", Assert.Single(rising.Findings).Reason);
        Assert.Empty(falling.Findings);
    }

    [Fact]
    public void Findings_FromBeforeAResume_AreKept()
    {
        var earlier = new DivergenceFinding(1, 0, DivergenceKind.ExplodingGradients, "before");

        var guard = new TrainingGuard(fold: 1, generation: 0, clipNorm: 0, [earlier]);
        guard.AfterStep(1, 1, 1.0, 1e9);
        guard.EndEpoch(epoch: 1, epochs: 1, firstEpochLoss: 1.0, epochLoss: 1.0);

        // No clipping: no exploding rule, only the finding carried over.
        Assert.Equal([earlier], guard.Findings);
    }
}
