using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Review;
using BlendSign.Model.Metrics;
using BlendSign.Model.Review;
using BlendSign.Model.Training;
using BlendSign.Web.Training;

namespace BlendSign.Web.Review;

/// <summary>
/// Builds review queues (a run's slices scored by <see cref="ConfidentLearning"/>), queues the retraining on the
/// reviewed gold standard, and compares two runs. The data comes from <see cref="ReviewDataService"/>; decisions are
/// written by <see cref="ReviewDecisionService"/>.
/// </summary>
public sealed class ReviewQueueService(ReviewDataService data, TrainingRunService runs)
{
    /// <summary>The queue of a run (default: the latest completed one); null when no run can be reviewed.</summary>
    /// <param name="includeDecided">Keep slices decided since the run's snapshot (for measuring the ranking itself).</param>
    public async Task<ReviewQueue?> BuildAsync(int? runId = null, bool includeDecided = false, CancellationToken cancellationToken = default)
    {
        var run = await data.LoadRunAsync(runId, cancellationToken);
        return run is null ? null : Build(run, includeDecided);
    }

    public static ReviewQueue Build(ReviewRunData run, bool includeDecided = false)
    {
        ArgumentNullException.ThrowIfNull(run);
        var raters = run.Raters;
        var inputs = run.Slices.Select(s => new ReviewInput(
                s.SopInstanceUid,
                (int)s.GoldLabel,
                s.Probabilities,
                raters.Select(r => s.Reads.FirstOrDefault(read => read.Rater == r)?.Label is { } l ? (int?)l : null).ToList(),
                s.ConsensusBoxes.Count > 0))
            .ToList();
        var scoring = ConfidentLearning.Score(inputs);
        var bySop = run.Slices.ToDictionary(s => s.SopInstanceUid, StringComparer.Ordinal);
        var queued = scoring.Queue.Select(s => (Score: s, Slice: bySop[s.Key])).ToList();
        var kept = queued.Where(q => includeDecided || !run.DecidedSliceIds.Contains(q.Slice.SliceId))
            .Select((q, i) => new ReviewItem(i + 1, q.Slice, q.Score))
            .ToList();
        var disagreements = scoring.RaterDisagreements.GroupBy(d => d.RaterIndex)
            .Select(g => new RaterDisagreementCount(raters[g.Key], g.Count()))
            .OrderBy(d => d.Rater, StringComparer.Ordinal)
            .ToList();
        var decided = queued.Count(q => run.DecidedSliceIds.Contains(q.Slice.SliceId));
        return new ReviewQueue(run.Run, raters, scoring.Thresholds, kept, inputs.Count, decided, disagreements);
    }

    /// <summary>
    /// Queues a run with the reviewed run's settings on the gold standard as it is now (the reviewed one: the queue
    /// takes a snapshot); the server's worker trains it. Returns the new run's id; null when the run is unknown.
    /// </summary>
    public async Task<int?> RetrainAsync(int reviewedRunId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsOfAsync(reviewedRunId, cancellationToken);
        return settings is null ? null : await runs.QueueAsync(settings, cancellationToken, actor);
    }

    /// <summary>The settings a reviewable run was trained with; null for an unknown run.</summary>
    public async Task<TrainingSettings?> SettingsOfAsync(int runId, CancellationToken cancellationToken = default)
    {
        var run = (await data.ReviewableRunsAsync(cancellationToken)).FirstOrDefault(r => r.RunId == runId);
        return run is null ? null : JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options);
    }

    /// <summary>Two runs side by side: each one's metrics against its own gold snapshot, and the labels that changed between the snapshots.</summary>
    public async Task<RunComparison?> CompareAsync(int before, int after, CancellationToken cancellationToken = default)
    {
        var reviewable = await data.ReviewableRunsAsync(cancellationToken);
        var a = reviewable.FirstOrDefault(r => r.RunId == before);
        var b = reviewable.FirstOrDefault(r => r.RunId == after);
        if (a is null || b is null)
        {
            return null;
        }

        var metricsA = await MetricsOfAsync(a.RunId, cancellationToken);
        var metricsB = await MetricsOfAsync(b.RunId, cancellationToken);
        var changes = await data.ChangesAsync(a.GoldSnapshotId, b.GoldSnapshotId, cancellationToken);
        var classes = HemorrhageClassNames.All
            .Select(c => new ClassComparison(c, metricsA.PerClass[(int)c], metricsB.PerClass[(int)c]))
            .ToList();
        return new RunComparison(a, b, classes, changes);
    }

    /// <summary>A run's pooled out-of-fold metrics against the gold labels it trained on.</summary>
    public async Task<ClassificationMetrics> MetricsOfAsync(int runId, CancellationToken cancellationToken = default)
    {
        var predictions = await data.PredictionsAsync(runId, cancellationToken);
        return ClassificationMetrics.Compute(predictions.Select(p => p.Gold).ToList(), predictions.Select(p => (IReadOnlyList<double>)p.Probabilities).ToList());
    }
}
