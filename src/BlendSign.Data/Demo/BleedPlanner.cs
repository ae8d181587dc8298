namespace BlendSign.Data.Demo;

internal sealed class BleedPlanner(Random random, HeadGeometry head, int sliceCount)
{
    private const int PlacementTries = 30;
    private const double MinimumHypodenseShare = 0.2;
    private const double MaximumHypodenseShare = 0.75;

    private readonly List<(double X, double Y, double Radius)> _blobs = [];
    private readonly List<(double Angle, double HalfWidth)> _rims = [];
    private readonly List<PhantomBleed> _bleeds = [];

    public IReadOnlyList<PhantomBleed> Plan(PhantomOptions options)
    {
        if (random.NextDouble() < options.BlendSignScanShare)
        {
            AddBlendSign();
        }

        if (random.NextDouble() < options.NormalIchScanShare)
        {
            AddHomogeneous();
            if (random.NextDouble() < options.SecondBleedShare)
            {
                AddHomogeneous();
            }
        }

        return _bleeds;
    }

    private void AddHomogeneous()
    {
        var pick = random.NextDouble();
        var kind = pick < 0.45 ? BleedKind.Intraparenchymal : pick < 0.8 ? BleedKind.Subdural : BleedKind.Epidural;
        var slices = RangeOf(random.Next(2, 7));
        BleedShape shape = kind switch
        {
            BleedKind.Intraparenchymal => PlaceBlob(9, 26, 0.15, 0.62, divider: null),
            BleedKind.Subdural => PlaceRim(random.Uniform(0.45, 0.9), random.Uniform(9, 16), edgePower: 4, profilePower: 0.6),
            _ => PlaceRim(random.Uniform(0.22, 0.38), random.Uniform(14, 24), edgePower: 2, profilePower: 0.5),
        };
        _bleeds.Add(new PhantomBleed(_bleeds.Count + 1, kind, slices, null, shape, random.Uniform(62, 78), 0));
    }

    private void AddBlendSign()
    {
        var slices = RangeOf(random.Next(3, 7));
        // The two regions show on the central half of the hematoma's slices; its ends look homogeneous.
        var blendLength = (slices.Length + 1) / 2;
        var blendFirst = slices.First + (slices.Length - blendLength) / 2;
        var blendSlices = new SliceRange(blendFirst, blendFirst + blendLength - 1);
        var hyperdense = random.Uniform(72, 78);
        var hypodense = random.Uniform(42, 48);
        var center = PlaceBlobCenter(20, 34, 0.1, 0.5);
        PhantomBleed? bleed = null;
        for (var attempt = 0; attempt < PlacementTries; attempt++)
        {
            var divider = new BlendDivider(random.Uniform(0, 2 * Math.PI), random.Uniform(-0.1, 0.25), random.Uniform(0, 0.4));
            var shape = center.With(divider);
            bleed = new PhantomBleed(_bleeds.Count + 1, BleedKind.BlendSign, slices, blendSlices, shape, hyperdense, hypodense);
            if (BothRegionsClear(bleed, blendSlices))
            {
                break;
            }
        }

        _bleeds.Add(bleed!);
    }

    private bool BothRegionsClear(PhantomBleed bleed, SliceRange blendSlices)
    {
        for (var slice = blendSlices.First; slice <= blendSlices.Last; slice++)
        {
            var share = BleedRasterizer.Measure(head, bleed, slice)?.HypodenseFraction ?? 0;
            if (share is < MinimumHypodenseShare or > MaximumHypodenseShare)
            {
                return false;
            }
        }

        return true;
    }

    private SliceRange RangeOf(int length)
    {
        length = Math.Min(length, sliceCount);
        var first = random.Next(0, sliceCount - length + 1);
        return new SliceRange(first, first + length - 1);
    }

    private BlobShape PlaceBlob(double minRadius, double maxRadius, double minRho, double maxRho, BlendDivider? divider) =>
        PlaceBlobCenter(minRadius, maxRadius, minRho, maxRho).With(divider);

    private BlobTemplate PlaceBlobCenter(double minRadius, double maxRadius, double minRho, double maxRho)
    {
        BlobTemplate candidate = default;
        for (var attempt = 0; attempt < PlacementTries; attempt++)
        {
            var rho = Math.Sqrt(random.Uniform(minRho * minRho, maxRho * maxRho));
            var (x, y) = head.PointAt(rho, random.Uniform(-Math.PI, Math.PI));
            candidate = new BlobTemplate(x, y, random.Uniform(minRadius, maxRadius), random.Uniform(minRadius, maxRadius),
                random.Uniform(0, Math.PI), (random.Uniform(0, 0.12), random.Uniform(0, 2 * Math.PI)),
                (random.Uniform(0, 0.08), random.Uniform(0, 2 * Math.PI)));
            var reach = Math.Max(candidate.RadiusX, candidate.RadiusY) * 1.2;
            if (_blobs.All(b => Math.Sqrt(Math.Pow(b.X - x, 2) + Math.Pow(b.Y - y, 2)) > b.Radius + reach + 6))
            {
                break;
            }
        }

        _blobs.Add((candidate.X, candidate.Y, Math.Max(candidate.RadiusX, candidate.RadiusY) * 1.2));
        return candidate;
    }

    private RimShape PlaceRim(double halfWidth, double thickness, double edgePower, double profilePower)
    {
        var angle = 0.0;
        for (var attempt = 0; attempt < PlacementTries; attempt++)
        {
            angle = random.Uniform(-Math.PI, Math.PI);
            if (_rims.All(r => Math.Abs(Math.IEEERemainder(r.Angle - angle, 2 * Math.PI)) > r.HalfWidth + halfWidth + 0.2))
            {
                break;
            }
        }

        _rims.Add((angle, halfWidth));
        return new RimShape(angle, halfWidth, thickness, edgePower, profilePower);
    }

    private readonly record struct BlobTemplate(double X, double Y, double RadiusX, double RadiusY, double Rotation,
        (double, double) Second, (double, double) Third)
    {
        public BlobShape With(BlendDivider? divider) => new(X, Y, RadiusX, RadiusY, Rotation, Second, Third, divider);
    }
}
