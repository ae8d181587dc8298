namespace BlendSign.Data.Gold;

/// <summary>
/// Links boxes of different raters greedily, highest IoU first, keeping a link only if the clusters it joins hold no
/// rater twice (one-to-one matching). IoU ties are broken by the boxes' order, so the result does not depend on the
/// order the boxes arrive in.
/// </summary>
public static class BoxConsensus
{
    public const double MinimumIoU = 0.5;
    public const int MinimumSupport = 2;

    public static IReadOnlyList<ConsensusBox> Build(IEnumerable<RaterBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var ordered = boxes
            .OrderBy(b => b.Rater, StringComparer.Ordinal)
            .ThenBy(b => b.Left).ThenBy(b => b.Top).ThenBy(b => b.Right).ThenBy(b => b.Bottom)
            .ThenBy(b => b.CenterX).ThenBy(b => b.CenterY)
            .ToList();
        if (ordered.Count < MinimumSupport)
        {
            return [];
        }

        var links = new List<(double IoU, int First, int Second)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count; j++)
            {
                if (!string.Equals(ordered[i].Rater, ordered[j].Rater, StringComparison.Ordinal)
                    && IoU(ordered[i], ordered[j]) is var iou && iou >= MinimumIoU)
                {
                    links.Add((iou, i, j));
                }
            }
        }

        links.Sort((a, b) => b.IoU != a.IoU ? b.IoU.CompareTo(a.IoU) : a.First != b.First ? a.First.CompareTo(b.First) : a.Second.CompareTo(b.Second));

        var clusterOf = Enumerable.Range(0, ordered.Count).ToArray();
        var clusters = Enumerable.Range(0, ordered.Count).Select(i => new List<int> { i }).ToList();
        foreach (var (_, first, second) in links)
        {
            var a = clusterOf[first];
            var b = clusterOf[second];
            if (a == b || clusters[a].Any(x => clusters[b].Any(y => ordered[x].Rater == ordered[y].Rater)))
            {
                continue;
            }

            foreach (var member in clusters[b])
            {
                clusterOf[member] = a;
            }

            clusters[a].AddRange(clusters[b]);
            clusters[b].Clear();
        }

        return clusters
            .Where(c => c.Count >= MinimumSupport)
            .Select(c => Average(c.Select(i => ordered[i]).ToList()))
            .OrderBy(c => c.Left).ThenBy(c => c.Top).ThenBy(c => c.Right).ThenBy(c => c.Bottom)
            .ToList();
    }

    /// <summary>Intersection over union of two boxes; 0 when either has no area.</summary>
    public static double IoU(RaterBox a, RaterBox b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = width * height;
        var union = a.Area + b.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    private static ConsensusBox Average(IReadOnlyList<RaterBox> boxes) => new(
        boxes.Average(b => b.CenterX),
        boxes.Average(b => b.CenterY),
        boxes.Average(b => b.Left),
        boxes.Average(b => b.Top),
        boxes.Average(b => b.Right),
        boxes.Average(b => b.Bottom),
        boxes.Count);
}
