using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

// Some slices are ambiguous for everyone (a blend sign with faint contrast, a tiny bleed): each rater reads the class
// they resemble at its AmbiguityErrorRate, so errors coincide and the majority vote is sometimes wrong, as in real
// reading. Deterministic per (seed, rater, scan).
public sealed class RaterSimulator(int seed)
{
    private const int AmbiguityStream = 0x0A3B1C;

    /// <summary>Share of slices of each true class that are ambiguous (study order).</summary>
    private static ReadOnlySpan<double> AmbiguousShare => [0.008, 0.05, 0.12];

    /// <summary>Of ambiguous normal_ich slices, the share that resemble non_ich (the rest resemble blend_sign).</summary>
    private const double NormalResemblesNonIch = 0.6;

    public IReadOnlyList<SimulatedRead> Read(SimulatedRater rater, PhantomScan scan)
    {
        var lookAlikes = LookAlikes(scan);
        var random = new Random(RandomExtensions.DeriveSeed(seed, RandomExtensions.StableHash(rater.UserName), scan.ScanNumber));
        var reads = new List<SimulatedRead>(scan.SliceCount);
        foreach (var slice in scan.Slices)
        {
            var draw = random.NextDouble();
            var label = lookAlikes[slice.Index] is { } lookAlike
                ? draw < rater.AmbiguityErrorRate ? lookAlike : slice.TrueClass
                : DrawLabel(draw, rater, slice.TrueClass);
            var boxes = label == HemorrhageClass.NonIch ? [] : DrawBoxes(random, rater, scan, slice);
            reads.Add(new SimulatedRead(rater.UserName, scan.ScanNumber, slice.Index, label, boxes));
        }

        return reads;
    }

    /// <summary>For each slice, the class it resembles when it is ambiguous; null when it is not. Shared by all raters.</summary>
    private HemorrhageClass?[] LookAlikes(PhantomScan scan)
    {
        var random = new Random(RandomExtensions.DeriveSeed(seed, AmbiguityStream, scan.ScanNumber));
        var lookAlikes = new HemorrhageClass?[scan.SliceCount];
        foreach (var slice in scan.Slices)
        {
            var ambiguous = random.NextDouble() < AmbiguousShare[(int)slice.TrueClass];
            var resemblesNonIch = random.NextDouble() < NormalResemblesNonIch;
            lookAlikes[slice.Index] = !ambiguous ? null : slice.TrueClass switch
            {
                HemorrhageClass.NormalIch => resemblesNonIch ? HemorrhageClass.NonIch : HemorrhageClass.BlendSign,
                _ => HemorrhageClass.NormalIch,
            };
        }

        return lookAlikes;
    }

    private static HemorrhageClass DrawLabel(double draw, SimulatedRater rater, HemorrhageClass truth)
    {
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

    private static List<SimulatedBox> DrawBoxes(Random random, SimulatedRater rater, PhantomScan scan, PhantomSliceTruth slice)
    {
        var boxes = new List<SimulatedBox>(slice.Boxes.Count);
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

    private static SimulatedBox Spurious(Random random, SimulatedRater rater, HeadGeometry head)
    {
        var (x, y) = head.PointAt(random.Uniform(0.15, 0.6), random.Uniform(-Math.PI, Math.PI));
        var halfWidth = random.Uniform(5, 12);
        var halfHeight = random.Uniform(5, 12);
        return Jitter(random, rater, x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight, x, y);
    }

    private static SimulatedBox Jitter(Random random, SimulatedRater rater, double left, double top, double right, double bottom,
        double centerX, double centerY)
    {
        const int last = HeadPhantom.Size;
        var l = Math.Clamp(Math.Round(left + rater.BoxJitterPixels * random.NextGaussian()), 0, last - 2);
        var t = Math.Clamp(Math.Round(top + rater.BoxJitterPixels * random.NextGaussian()), 0, last - 2);
        var r = Math.Clamp(Math.Round(right + rater.BoxJitterPixels * random.NextGaussian()), l + 2, last);
        var b = Math.Clamp(Math.Round(bottom + rater.BoxJitterPixels * random.NextGaussian()), t + 2, last);
        var cx = Math.Clamp(Math.Round(centerX + rater.CenterJitterPixels * random.NextGaussian()), l, r);
        var cy = Math.Clamp(Math.Round(centerY + rater.CenterJitterPixels * random.NextGaussian()), t, b);
        return new SimulatedBox(cx, cy, l, t, r, b);
    }
}
