using BlendSign.Model.Tests.Support;
using BlendSign.Model.Training;
using BlendSign.Tests.Shared;

namespace BlendSign.Model.Tests.CrossValidation;

public class CrossValidatorTests
{
    private static readonly TrainingSettings Tiny = new()
    {
        Folds = 2,
        Epochs = 2,
        ImageSize = 32,
        BatchSize = 4,
        Seed = 3,
        Threads = 1,
    };

    [Fact]
    public void Run_TinyTraining_GivesEveryExampleOneOutOfFoldPredictionSummingToOne()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 6, slicesPerScan: 3);
        var reports = new List<TrainingProgress>();

        var result = TestCrossValidator.Create()
            .Run(examples, source, Tiny, new SynchronousProgress(reports.Add));

        Assert.Equal(examples.Select(e => e.SampleId).Order(), result.Predictions.Select(p => p.SampleId).Order());
        Assert.All(result.Predictions, p =>
        {
            Assert.Equal(3, p.Probabilities.Count);
            Assert.Equal(1.0, p.Probabilities.Sum(), 5);
            Assert.InRange(p.Fold, 1, 2);
        });
        Assert.All(result.Predictions.GroupBy(p => p.GroupId), scan => Assert.Single(scan.Select(p => p.Fold).Distinct()));
        Assert.Equal([1, 2], result.Folds.Select(f => f.Fold));
        Assert.Equal(examples.Count, result.Metrics.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.Equal("cpu", result.Device);
        Assert.Equal(1.0, reports[^1].FractionDone, 9);
        Assert.Contains(reports, r => r.Stage == TrainingStage.EpochCompleted && r.Fold == 2 && r.Epoch == 2 && double.IsFinite(r.Loss));
        // Every epoch reports its gradient norms; every batch its own.
        Assert.All(reports.Where(r => r.Stage == TrainingStage.EpochCompleted), r =>
            Assert.True(r.Gradients is { Steps: > 0 } g && double.IsFinite(g.Median) && g.Max >= g.Median, $"{r.Gradients}"));
        Assert.All(reports.Where(r => r.Stage == TrainingStage.Training), r => Assert.True(r.GradientNorm is > 0, $"{r.GradientNorm}"));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Run_SameSeedTwice_GivesSamePredictions()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 4, slicesPerScan: 3);
        var validator = TestCrossValidator.Create();
        var settings = Tiny with { Epochs = 1 };

        var first = validator.Run(examples, source, settings);
        var second = validator.Run(examples, source, settings);

        Assert.Equal(first.Predictions.Select(p => p.SampleId), second.Predictions.Select(p => p.SampleId));
        Assert.Equal(first.Predictions.SelectMany(p => p.Probabilities), second.Predictions.SelectMany(p => p.Probabilities));
    }

    [Fact]
    public void Run_CancelledToken_StopsBeforeLoadingAnImage()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 4, slicesPerScan: 2);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            TestCrossValidator.Create().Run(examples, source, Tiny, cancellationToken: cancellation.Token));
        Assert.Equal(0, source.Requests);
    }

    [Fact]
    public void Run_UnknownBackbone_ThrowsBeforeTraining()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 4, slicesPerScan: 2);

        Assert.Throws<ArgumentException>(() =>
            TestCrossValidator.Create().Run(examples, source, Tiny with { Backbone = "resnet1000" }));
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
