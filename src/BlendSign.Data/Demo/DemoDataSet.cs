using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

/// <summary>What <see cref="DemoGenerator"/> wrote: the scans' files with their truth, and every simulated read.</summary>
public sealed record DemoDataSet(int Seed, IReadOnlyList<DemoScan> Scans, IReadOnlyList<SimulatedRater> Raters, IReadOnlyList<DemoRead> Reads)
{
    public IEnumerable<DemoSlice> Slices => Scans.SelectMany(s => s.Slices);

    public IReadOnlyList<string> Files => Slices.Select(s => s.FilePath).ToList();

    /// <summary>True slice classes, in study order.</summary>
    public IReadOnlyDictionary<HemorrhageClass, int> TrueClassCounts =>
        HemorrhageClassNames.All.ToDictionary(c => c, c => Slices.Count(s => s.TrueClass == c));

    public IEnumerable<TruthRow> Truth => Slices.Select(s => new TruthRow(s.SopInstanceUid, s.TrueClass));
}

/// <summary>One written scan: one series in its own folder.</summary>
public sealed record DemoScan(int ScanNumber, string Folder, string StudyInstanceUid, string SeriesInstanceUid, IReadOnlyList<DemoSlice> Slices);

/// <summary>One written slice with its truth.</summary>
public sealed record DemoSlice(
    int ScanNumber,
    int SliceIndex,
    string FilePath,
    string SopInstanceUid,
    HemorrhageClass TrueClass,
    IReadOnlyList<BleedBox> TrueBoxes);

/// <summary>One simulated rater's read of one written slice.</summary>
public sealed record DemoRead(string Rater, string SopInstanceUid, HemorrhageClass Label, IReadOnlyList<SimulatedBox> Boxes);
