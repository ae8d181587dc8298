using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>
/// Reads phantom scans as simulated raters: each slice's class is drawn from the rater's confusion
/// row for the true class; each true bleed gets a jittered box (or, now and then, none); a slice read
/// as hemorrhage without one gets a small spurious box. Deterministic per (seed, rater, scan).
/// </summary>
public sealed class RaterSimulator(int seed)
{
    public IReadOnlyList<SimulatedRead> Read(SimulatedRater rater, PhantomScan scan)
    {
        var random = new Random(RandomExtensions.DeriveSeed(seed, RandomExtensions.StableHash(rater.UserName), scan.ScanNumber));
        var reads = new List<SimulatedRead>(scan.SliceCount);
        foreach (var slice in scan.Slices)
        {
            var label = DrawLabel(random, rater, slice.TrueClass);
            var boxes = label == HemorrhageClass.NonIch ? [] : DrawBoxes(random, rater, scan, slice);
            reads.Add(new SimulatedRead(rater.UserName, scan.ScanNumber, slice.Index, label, boxes));
        }

        return reads;
    }

    private static HemorrhageClass DrawLabel(Random random, SimulatedRater rater, HemorrhageClass truth)
    {
        var draw = random.NextDouble();
        foreach (var candidate in HemorrhageClassNames.All)
        {
            draw -= rater.ProbabilityOf(truth, candidate);
            if (draw < 0)
            {
                return candidate;
            }
        }

        return truth;
    }

    private static List<RaterBox> DrawBoxes(Random random, SimulatedRater rater, PhantomScan scan, PhantomSliceTruth slice)
    {
        var boxes = new List<RaterBox>(slice.Boxes.Count);
        foreach (var truth in slice.Boxes)
        {
            if (random.NextDouble() < rater.MissedBoxProbability)
            {
                continue;
            }

            boxes.Add(Jitter(random, rater, truth.Left, truth.Top, truth.Right, truth.Bottom, truth.CenterX, truth.CenterY));
        }

        if (slice.Boxes.Count == 0)
        {
            boxes.Add(Spurious(random, rater, scan.Head));
        }

        return boxes;
    }

    private static RaterBox Spurious(Random random, SimulatedRater rater, HeadGeometry head)
    {
        var (x, y) = head.PointAt(random.Uniform(0.15, 0.6), random.Uniform(-Math.PI, Math.PI));
        var halfWidth = random.Uniform(5, 12);
        var halfHeight = random.Uniform(5, 12);
        return Jitter(random, rater, x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight, x, y);
    }

    private static RaterBox Jitter(Random random, SimulatedRater rater, double left, double top, double right, double bottom,
        double centerX, double centerY)
    {
        const int last = HeadPhantom.Size;
        var l = Math.Clamp(Math.Round(left + rater.BoxJitterPixels * random.NextGaussian()), 0, last - 2);
        var t = Math.Clamp(Math.Round(top + rater.BoxJitterPixels * random.NextGaussian()), 0, last - 2);
        var r = Math.Clamp(Math.Round(right + rater.BoxJitterPixels * random.NextGaussian()), l + 2, last);
        var b = Math.Clamp(Math.Round(bottom + rater.BoxJitterPixels * random.NextGaussian()), t + 2, last);
        var cx = Math.Clamp(Math.Round(centerX + rater.CenterJitterPixels * random.NextGaussian()), l, r);
        var cy = Math.Clamp(Math.Round(centerY + rater.CenterJitterPixels * random.NextGaussian()), t, b);
        return new RaterBox(cx, cy, l, t, r, b);
    }
}
