using System.Diagnostics;

namespace BlendSign.Model.Training;

/// <summary>Counts the run's batches (training and prediction) and turns them into a fraction done and an ETA.</summary>
internal sealed class ProgressTracker(IProgress<TrainingProgress>? progress, long totalBatches, int folds, int epochs)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;

    public double FractionDone => totalBatches == 0 ? 1.0 : Math.Min(1.0, (double)_done / totalBatches);

    public void Report(TrainingStage stage, int fold, int epoch, int batch, int batches, double loss, double epochLoss, double learningRate)
    {
        if (stage is TrainingStage.Training or TrainingStage.Predicting)
        {
            _done++;
        }

        if (progress is null)
        {
            return;
        }

        var fraction = FractionDone;
        TimeSpan? eta = _done == 0 ? null : _clock.Elapsed * ((1.0 - fraction) / fraction);
        progress.Report(new TrainingProgress(stage, fold, folds, epoch, epochs, batch, batches, loss, epochLoss, learningRate, fraction, eta));
    }
}
