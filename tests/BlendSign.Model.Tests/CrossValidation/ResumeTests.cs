using BlendSign.Model.CrossValidation;
using BlendSign.Model.Network;
using BlendSign.Model.Tests.Support;
using BlendSign.Model.Training;
using BlendSign.Tests.Shared;

namespace BlendSign.Model.Tests.CrossValidation;

/// <summary>Checkpoints per fold: an interrupted run resumes where it stopped and ends exactly as an uninterrupted one.</summary>
public sealed class ResumeTests : IDisposable
{
    private static readonly TrainingSettings Tiny = new()
    {
        Backbone = Backbones.TinyCnn,
        Folds = 2,
        Epochs = 2,
        ImageSize = 32,
        BatchSize = 4,
        Seed = 11,
        Threads = 1,
        Detection = true,
        Distillation = true,
        Generations = 1,
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "blendsign-resume-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Run_KilledMidFoldThenRunAgain_FinishesWithTheSameFoldsAndPredictions()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 6, slicesPerScan: 3);
        var validator = TestCrossValidator.Create();
        var reference = validator.Run(examples, source, Tiny, Path.Combine(_root, "reference"));

        // Stop in fold 2, in the student's second epoch: fold 1 is finished, fold 2 has a teacher and a checkpoint.
        var interrupted = Path.Combine(_root, "interrupted");
        using var kill = new CancellationTokenSource();
        var progress = new Relay(p =>
        {
            if (p is { Stage: TrainingStage.Training, Fold: 2, Generation: 1, Epoch: 2, Batch: 2 })
            {
                kill.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => validator.Run(examples, source, Tiny, interrupted, progress, kill.Token));
        Assert.True(File.Exists(Path.Combine(interrupted, "fold-1", "result.json")));
        Assert.False(File.Exists(Path.Combine(interrupted, "fold-2", "result.json")));

        var reports = new List<TrainingProgress>();
        var resumed = validator.Run(examples, source, Tiny, interrupted, new Relay(reports.Add));

        Assert.DoesNotContain(reports, r => r.Stage == TrainingStage.Training && r.Fold == 1);
        Assert.DoesNotContain(reports, r => r.Stage == TrainingStage.Training && r.Fold == 2 && r.Generation == 0);
        Assert.Equal(reference.Predictions.Select(p => (p.SampleId, p.Fold)), resumed.Predictions.Select(p => (p.SampleId, p.Fold)));
        Assert.All(reference.Predictions.Zip(resumed.Predictions), pair =>
            Assert.All(pair.First.Probabilities.Zip(pair.Second.Probabilities), v => Assert.Equal(v.First, v.Second, 6)));
        Assert.Equal(1.0, reports[^1].FractionDone, 9);
        // The teacher's held-out metrics survive the interruption (fold 2's teacher finished before it).
        Assert.Equal(["teacher", "student 1"], resumed.Generations.Select(g => g.Name));
        Assert.Equal(reference.Generations[0].Metrics.PerClass.Select(c => c.Auc), resumed.Generations[0].Metrics.PerClass.Select(c => c.Auc));
        Assert.Equal(resumed.Metrics.PerClass.Select(c => c.Auc), resumed.Generations[1].Metrics.PerClass.Select(c => c.Auc));
    }

    [Fact]
    public void Run_FinishedDirectory_ReadsEveryFoldBackWithoutTraining()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 4, slicesPerScan: 3);
        var validator = TestCrossValidator.Create();
        var settings = Tiny with { Epochs = 1, Distillation = false };
        var first = validator.Run(examples, source, settings, _root);
        var requests = source.Requests;

        var second = validator.Run(examples, source, settings, _root);

        Assert.Equal(requests, source.Requests);
        Assert.Equal(first.Predictions.SelectMany(p => p.Probabilities), second.Predictions.SelectMany(p => p.Probabilities));
    }

    [Fact]
    public void Run_DirectoryOfAnotherRun_IsRefused()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 4, slicesPerScan: 2);
        var validator = TestCrossValidator.Create();
        validator.Run(examples, source, Tiny with { Epochs = 1, Distillation = false }, _root);

        Assert.Throws<InvalidOperationException>(() => validator.Run(examples, source, Tiny with { Epochs = 1, Distillation = false, Seed = 12 }, _root));
    }

    [Fact]
    public void Ablation_ThreeRows_SameFoldsAndTheStudysNames()
    {
        var (examples, source) = SyntheticImageSource.Create(scans: 4, slicesPerScan: 3);
        var reports = new List<TrainingProgress>();

        var arms = new AblationRunner(TestCrossValidator.Create())
            .Run(examples, source, Tiny with { Epochs = 1 }, _root, new Relay(reports.Add));

        Assert.Equal(["WCE", "WCE+AT", "WCE+AT+SKD"], arms.Select(a => a.Name));
        Assert.Equal([false, true, true], arms.Select(a => a.Settings.Detection));
        Assert.Equal([0, 0, 1], arms.Select(a => a.Settings.EffectiveGenerations));
        var folds = arms.Select(a => a.Result.Predictions.OrderBy(p => p.SampleId).Select(p => p.Fold).ToArray()).ToArray();
        Assert.Equal(folds[0], folds[1]);
        Assert.Equal(folds[0], folds[2]);
        Assert.Equal(["WCE", "WCE+AT", "WCE+AT+SKD"], reports.Select(r => r.Arm).Distinct());
        Assert.Equal(1.0, reports[^1].FractionDone, 9);
        Assert.True(reports.Select(r => r.FractionDone).Zip(reports.Skip(1).Select(r => r.FractionDone)).All(p => p.Second >= p.First - 1e-12));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class Relay(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
