using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>The same seed and scan number always give the same scan; pixels come from <see cref="PhantomRenderer"/>.</summary>
public sealed class HeadPhantom(int seed, PhantomOptions? options = null)
{
    public const int Size = 512;

    private readonly PhantomOptions _options = options ?? new PhantomOptions();

    public int Seed => seed;

    public PhantomScan PlanScan(int scanNumber)
    {
        var random = new Random(RandomExtensions.DeriveSeed(seed, scanNumber));
        var sliceCount = random.Next(_options.MinSlices, _options.MaxSlices + 1);
        var head = PlanHead(random, sliceCount);
        var ventricles = PlanVentricles(random, head, sliceCount);
        var bleeds = new BleedPlanner(random, head, sliceCount).Plan(_options);
        var age = random.Next(18, 91);
        var noiseSeed = random.Next();

        var slices = new List<PhantomSliceTruth>(sliceCount);
        for (var slice = 0; slice < sliceCount; slice++)
        {
            var boxes = bleeds
                .Select(b => BleedRasterizer.Measure(head, b, slice)?.Box)
                .OfType<BleedBox>()
                .ToList();
            var label = boxes.Any(b => b.ShowsBlendSign) ? HemorrhageClass.BlendSign
                : boxes.Count > 0 ? HemorrhageClass.NormalIch
                : HemorrhageClass.NonIch;
            slices.Add(new PhantomSliceTruth(slice, label, boxes));
        }

        return new PhantomScan(scanNumber, age, noiseSeed, head, ventricles, bleeds, slices);
    }

    private static HeadGeometry PlanHead(Random random, int sliceCount)
    {
        var semiAxisX = random.Uniform(160, 172);
        var semiAxisY = random.Uniform(196, 208);
        var harmonics = Enumerable.Range(2, 4)
            .Select(k => (K: k, Amplitude: random.Uniform(0, 0.06 / k), Phase: random.Uniform(0, 2 * Math.PI)))
            .ToArray();
        var thicknessPhase = random.Uniform(0, 2 * Math.PI);
        var thicknessBase = random.Uniform(7, 9);
        var thicknessSwing = random.Uniform(1, 2.5);
        var thicknessRipple = random.Uniform(0, 1);
        var ripplePhase = random.Uniform(0, 2 * Math.PI);
        var scalpThickness = random.Uniform(4, 6);

        var inner = new float[HeadGeometry.AngleBins];
        var outer = new float[HeadGeometry.AngleBins];
        var scalp = new float[HeadGeometry.AngleBins];
        var radiusPixels = new float[HeadGeometry.AngleBins];
        for (var bin = 0; bin < HeadGeometry.AngleBins; bin++)
        {
            var angle = HeadGeometry.AngleOf(bin);
            var edge = 1.0;
            foreach (var (k, amplitude, phase) in harmonics)
            {
                edge += amplitude * Math.Cos(k * angle + phase);
            }

            var pixels = Math.Sqrt(Math.Pow(semiAxisX * Math.Cos(angle), 2) + Math.Pow(semiAxisY * Math.Sin(angle), 2));
            var skull = Math.Clamp(thicknessBase + thicknessSwing * Math.Cos(angle - thicknessPhase)
                + thicknessRipple * Math.Cos(5 * angle + ripplePhase), 5, 13);
            radiusPixels[bin] = (float)pixels;
            inner[bin] = (float)edge;
            outer[bin] = (float)(edge + skull / pixels);
            scalp[bin] = (float)(edge + (skull + scalpThickness) / pixels);
        }

        // The head is widest a little below the middle of the stack and narrows smoothly both ways.
        var scale = new float[sliceCount];
        for (var slice = 0; slice < sliceCount; slice++)
        {
            var offset = (slice - 0.4 * sliceCount) / sliceCount;
            scale[slice] = (float)(1 - 0.3 * offset * offset);
        }

        var centerX = Size / 2.0 + random.Uniform(-4, 4);
        var centerY = Size / 2.0 + random.Uniform(-4, 4);
        return new HeadGeometry(centerX, centerY, semiAxisX, semiAxisY, inner, outer, scalp, radiusPixels, scale);
    }

    private static List<Ventricle> PlanVentricles(Random random, HeadGeometry head, int sliceCount)
    {
        var range = new SliceRange((int)Math.Round(sliceCount * 0.25), (int)Math.Round(sliceCount * 0.7));
        var centerY = head.CenterY - random.Uniform(6, 18);
        var ventricles = new List<Ventricle>(2);
        foreach (var side in new[] { -1, 1 })
        {
            var radiusX = random.Uniform(7, 12);
            var radiusY = random.Uniform(32, 45);
            var separation = radiusX + random.Uniform(3, 6);
            // Tilted so the frontal horns spread apart: the classic butterfly.
            var rotation = side * random.Uniform(0.12, 0.3);
            var shape = new BlobShape(head.CenterX + side * separation, centerY, radiusX, radiusY, rotation,
                (random.Uniform(0, 0.06), random.Uniform(0, 2 * Math.PI)), (random.Uniform(0, 0.04), random.Uniform(0, 2 * Math.PI)));
            ventricles.Add(new Ventricle(shape, range));
        }

        return ventricles;
    }
}
