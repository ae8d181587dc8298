using System.Collections.Concurrent;
using System.Text.Json;
using BlendSign.Model.Training;

namespace BlendSign.Web.Features.Training;

/// <summary>
/// Histories of runs executing here live in memory (bounded per run) and are written at every epoch's end; other
/// runs' are read from their folders. Record from the training thread, read from any.
/// </summary>
public sealed class RunHistoryStore(RunStorage storage, ILogger<RunHistoryStore> logger)
{
    private readonly ConcurrentDictionary<int, Recorder> _live = new();

    public void Record(int runId, TrainingProgress progress)
    {
        var recorder = _live.GetOrAdd(runId, id => new Recorder(Load(id)));
        if (recorder.Add(progress))
        {
            Save(runId, recorder.Snapshot());
        }
    }

    public void AddResume(int runId, ResumeNote note)
    {
        var recorder = _live.TryGetValue(runId, out var live) ? live : new Recorder(Load(runId));
        Save(runId, recorder.AddResume(note));
    }

    public void Release(int runId) => _live.TryRemove(runId, out _);

    public LossHistory Get(int runId) => _live.TryGetValue(runId, out var recorder) ? recorder.Snapshot() : Load(runId);

    private LossHistory Load(int runId)
    {
        var path = storage.FolderOf(runId).History;
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<LossHistory>(File.ReadAllText(path), TrainingJson.Options) ?? LossHistory.Empty : LossHistory.Empty;
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            logger.LogWarning(exception, "Could not read run {RunId}'s loss history", runId);
            return LossHistory.Empty;
        }
    }

    private void Save(int runId, LossHistory history)
    {
        var path = storage.FolderOf(runId).History;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(history, TrainingJson.Options));
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException exception)
        {
            // The curve is a convenience; a full disk must not end the run.
            logger.LogWarning(exception, "Could not write run {RunId}'s loss history", runId);
        }
    }

    private sealed class Recorder(LossHistory start)
    {
        private readonly Lock _gate = new();
        private readonly List<BatchLossPoint> _batches = [.. start.Batches];
        private readonly List<EpochLossPoint> _epochs = [.. start.Epochs];
        private readonly List<ResumeNote> _resumes = [.. start.Resumes];
        private long _steps = start.Steps;
        private int _stride = Math.Max(1, start.Stride);

        /// <summary>Adds the report; true at an epoch's end (time to save).</summary>
        public bool Add(TrainingProgress p)
        {
            lock (_gate)
            {
                switch (p.Stage)
                {
                    case TrainingStage.Training:
                        _steps++;
                        if (_steps % _stride == 0)
                        {
                            _batches.Add(new BatchLossPoint(_steps, p.Fold, p.Generation, p.Epoch, p.Loss,
                                p.ClassificationLoss, p.DetectionLoss, p.DistillationLoss));
                            Thin();
                        }

                        return false;
                    case TrainingStage.EpochCompleted:
                        _epochs.Add(new EpochLossPoint(_steps, p.Arm, p.Fold, p.Generation, p.Epoch, p.Loss, p.LearningRate)
                        {
                            GradientNormMedian = Finite(p.Gradients?.Median),
                            GradientNormMax = Finite(p.Gradients?.Max),
                            ClippedSteps = p.Gradients?.Clipped,
                        });
                        return true;
                    default:
                        return false;
                }
            }
        }

        public LossHistory AddResume(ResumeNote note)
        {
            lock (_gate)
            {
                _resumes.Add(note);
                return SnapshotLocked();
            }
        }

        public LossHistory Snapshot()
        {
            lock (_gate)
            {
                return SnapshotLocked();
            }
        }

        // progress.json is JSON: NaN (an epoch without steps) is stored as no value.
        private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

        private LossHistory SnapshotLocked() => new([.. _batches], [.. _epochs], [.. _resumes], _steps, _stride);

        // Over the bound: keep every other point and record every other batch from now on.
        private void Thin()
        {
            if (_batches.Count <= LossHistory.MaxBatchPoints)
            {
                return;
            }

            _stride *= 2;
            _batches.RemoveAll(b => b.Step % _stride != 0);
        }
    }
}
