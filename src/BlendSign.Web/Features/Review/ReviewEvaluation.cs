using BlendSign.Data.Labels;
using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Review;

/// <summary>The precision of the queue's top <see cref="Top"/>: the share of those slices whose gold label is wrong.</summary>
/// <param name="Considered">Slices actually looked at: <see cref="Top"/>, or fewer when the queue is shorter.</param>
public sealed record PrecisionAtN(int Top, int Considered, int WrongGold, double Precision);

/// <summary>Also how many gold labels are wrong at all, so the best reachable precision at N is min(N, that) / N.</summary>
public sealed record ReviewEvaluation(
    int RunId,
    int Scored,
    int Queued,
    int WrongGoldInRun,
    int WrongGoldInQueue,
    IReadOnlyList<PrecisionAtN> Precision)
{
    public static ReviewEvaluation Evaluate(ReviewQueue queue, IReadOnlyDictionary<string, HemorrhageClass> truth, IReadOnlyList<int> tops, int wrongGoldInRun)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(truth);
        var wrong = queue.Items.Select(i => IsWrong(i, truth)).ToList();
        var precision = tops.Select(n =>
        {
            var considered = Math.Min(n, wrong.Count);
            var hits = wrong.Take(considered).Count(w => w);
            return new PrecisionAtN(n, considered, hits, considered == 0 ? 0 : hits / (double)considered);
        }).ToList();
        return new ReviewEvaluation(queue.Run.RunId, queue.Scored, queue.Items.Count, wrongGoldInRun, wrong.Count(w => w), precision);
    }

    /// <summary>Whether the item's gold label differs from the truth; a slice the truth does not know counts as right.</summary>
    public static bool IsWrong(ReviewItem item, IReadOnlyDictionary<string, HemorrhageClass> truth)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(truth);
        return truth.TryGetValue(item.Slice.SopInstanceUid, out var t) && t != item.Slice.GoldLabel;
    }

    /// <summary>A run's metrics against the truth instead of its gold labels (slices the truth does not know left out).</summary>
    public static ClassificationMetrics AgainstTruth(
        IEnumerable<(string Sop, IReadOnlyList<double> Probabilities)> predictions, IReadOnlyDictionary<string, HemorrhageClass> truth)
    {
        var known = predictions.Where(p => truth.ContainsKey(p.Sop)).ToList();
        return ClassificationMetrics.Compute(known.Select(p => (int)truth[p.Sop]).ToList(), known.Select(p => p.Probabilities).ToList());
    }
}
