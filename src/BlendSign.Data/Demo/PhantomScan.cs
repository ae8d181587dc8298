namespace BlendSign.Data.Demo;

// Pixels are made on demand by PhantomRenderer, so a plan is small.
public sealed class PhantomScan
{
    internal PhantomScan(int scanNumber, int ageYears, int noiseSeed, HeadGeometry head,
        IReadOnlyList<Ventricle> ventricles, IReadOnlyList<PhantomBleed> bleeds, IReadOnlyList<PhantomSliceTruth> slices)
    {
        ScanNumber = scanNumber;
        AgeYears = ageYears;
        NoiseSeed = noiseSeed;
        Head = head;
        Ventricles = ventricles;
        Bleeds = bleeds;
        Slices = slices;
    }

    public int ScanNumber { get; }

    /// <summary>The synthetic patient's age in years (always adult).</summary>
    public int AgeYears { get; }

    public int SliceCount => Slices.Count;
    public IReadOnlyList<PhantomBleed> Bleeds { get; }
    public IReadOnlyList<PhantomSliceTruth> Slices { get; }

    internal int NoiseSeed { get; }
    internal HeadGeometry Head { get; }
    internal IReadOnlyList<Ventricle> Ventricles { get; }
}

internal sealed record Ventricle(BlobShape Shape, SliceRange Slices);
