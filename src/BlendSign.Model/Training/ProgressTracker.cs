using System.Diagnostics;

namespace BlendSign.Model.Training;

// Work found finished in a checkpoint counts as done but not towards the rate.
internal sealed class ProgressTracker(IProgress<TrainingProgress>? progress, long totalBatches, int folds, int epochs, int generations, string? arm = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private long _doneHere;

    public double FractionDone => totalBatches == 0 ? 1.0 : Math.Min(1.0, (double)_done / totalBatches);

    public void Skip(long batches) => _done += batches;

    public void Report(TrainingStage stage, int fold, int epoch, int batch, int batches, double loss, double epochLoss, double learningRate,
        int generation = 0, StepLoss? terms = null, Health.GradientNormStats? gradients = null)
    {
        if (stage is TrainingStage.Training or TrainingStage.Predicting)
        {
            _done++;
            _doneHere++;
        }

        if (progress is null)
        {
            return;
        }

        var fraction = FractionDone;
        TimeSpan? eta = _doneHere == 0 ? null : _clock.Elapsed * ((double)(totalBatches - _done) / _doneHere);
        if (eta < TimeSpan.Zero)
        {
            eta = TimeSpan.Zero;
        }

        progress.Report(new TrainingProgress(stage, fold, folds, epoch, epochs, batch, batches, loss, epochLoss, learningRate, fraction, eta)
        {
            Generation = generation,
            Generations = generations,
            ClassificationLoss = terms?.Classification,
            DetectionLoss = terms?.Detection,
            DistillationLoss = terms?.Distillation,
            Arm = arm,
            GradientNorm = terms?.GradientNorm,
            Gradients = gradients,
        });
    }
}
