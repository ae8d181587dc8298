using System.Collections.Concurrent;
using System.Text.Json;
using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Persistence;
using BlendSign.Data.Review;
using BlendSign.Model.Metrics;
using BlendSign.Model.Review;
using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Features.Review;

public sealed class ReviewQueueService(ReviewDataService data, TrainingRunQueue runs)
{
    private readonly ConcurrentDictionary<int, RunStrength> _strengths = new();
    private readonly ComputedCache<(int? RunId, bool IncludeDecided, StudyVersion Version), ReviewQueue?> _queues = new(4);

    /// <summary>The queue of a run (default: the latest completed one); null when no run can be reviewed. Ranked once per
    /// run and <see cref="StudyVersion"/> (a decision, a label or a finished run makes a new one), not per visit.</summary>
    /// <param name="includeDecided">Keep slices decided since the run's snapshot (for measuring the ranking itself).</param>
    public async Task<ReviewQueue?> BuildAsync(int? runId = null, bool includeDecided = false, CancellationToken cancellationToken = default)
    {
        var version = await data.VersionAsync(cancellationToken);
        return await _queues.GetAsync((runId, includeDecided, version), async () =>
        {
            var run = await data.LoadRunAsync(runId);
            return run is null ? null : Build(run, includeDecided, _strengths.GetOrAdd(run.Run.RunId, _ => RunStrength.Of(run)));
        });
    }

    public static ReviewQueue Build(ReviewRunData run, bool includeDecided = false, RunStrength? strength = null)
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
        strength ??= RunStrength.Of(run);
        return new ReviewQueue(run.Run, raters, scoring.Thresholds, kept, inputs.Count, decided, disagreements)
        {
            MacroAuc = strength.MacroAuc,
            ChanceFindings = strength.ChanceFindings,
        };
    }

    /// <summary>Same settings and folds on the gold standard as it is now; null when the run is unknown.</summary>
    public async Task<int?> RetrainAsync(int reviewedRunId, AuditActor actor, CancellationToken cancellationToken = default)
    {
        // The same settings and the same folds: the two runs differ only in the reviewed labels.
        var settings = await SettingsOfAsync(reviewedRunId, cancellationToken);
        return settings is null ? null : await runs.QueueRetrainAsync(settings with { FoldsFromRun = reviewedRunId }, actor, cancellationToken);
    }

    public async Task<TrainingSettings?> SettingsOfAsync(int runId, CancellationToken cancellationToken = default)
    {
        var run = (await data.ReviewableRunsAsync(cancellationToken)).FirstOrDefault(r => r.RunId == runId);
        return run is null ? null : JsonSerializer.Deserialize<TrainingSettings>(run.ConfigurationJson, TrainingJson.Options);
    }

    public async Task<RunComparison?> CompareAsync(int before, int after, CancellationToken cancellationToken = default)
    {
        var reviewable = await data.ReviewableRunsAsync(cancellationToken);
        var a = reviewable.FirstOrDefault(r => r.RunId == before);
        var b = reviewable.FirstOrDefault(r => r.RunId == after);
        if (a is null || b is null)
        {
            return null;
        }

        var predictionsA = await data.PredictionsAsync(a.RunId, cancellationToken);
        var predictionsB = await data.PredictionsAsync(b.RunId, cancellationToken);
        var changes = await data.ChangesAsync(a.GoldSnapshotId, b.GoldSnapshotId, cancellationToken);

        // Run B's predictions carry the gold labels of B's snapshot: the common yardstick.
        var goldOfB = predictionsB.ToDictionary(p => p.SliceId, p => p.Gold);
        var commonA = predictionsA.Where(p => goldOfB.ContainsKey(p.SliceId)).ToList();
        var common = commonA.Select(p => p.SliceId).ToHashSet();
        var onB = Compare(
            Metrics(commonA.Select(p => (goldOfB[p.SliceId], p.Probabilities))),
            Metrics(predictionsB.Where(p => common.Contains(p.SliceId)).Select(p => (p.Gold, p.Probabilities))));
        var own = Compare(Metrics(predictionsA.Select(p => (p.Gold, p.Probabilities))), Metrics(predictionsB.Select(p => (p.Gold, p.Probabilities))));
        return new RunComparison(a, b, own, onB, common.Count, changes);
    }

    public async Task<ClassificationMetrics> MetricsOfAsync(int runId, CancellationToken cancellationToken = default) =>
        Metrics((await data.PredictionsAsync(runId, cancellationToken)).Select(p => (p.Gold, p.Probabilities)));

    private static ClassificationMetrics Metrics(IEnumerable<(int Gold, double[] Probabilities)> predictions)
    {
        var list = predictions.ToList();
        return ClassificationMetrics.Compute(list.Select(p => p.Gold).ToList(), list.Select(p => (IReadOnlyList<double>)p.Probabilities).ToList());
    }

    private static List<ClassComparison> Compare(ClassificationMetrics before, ClassificationMetrics after) =>
        HemorrhageClassNames.All.Select(c => new ClassComparison(c, before.PerClass[(int)c], after.PerClass[(int)c])).ToList();
}
