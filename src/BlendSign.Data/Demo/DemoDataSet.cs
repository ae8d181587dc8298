using BlendSign.Data.Labels;

namespace BlendSign.Data.Demo;

public sealed record DemoDataSet(int Seed, IReadOnlyList<DemoScan> Scans, IReadOnlyList<SimulatedRater> Raters, IReadOnlyList<DemoRead> Reads)
{
    public IEnumerable<DemoSlice> Slices => Scans.SelectMany(s => s.Slices);

    public IReadOnlyList<string> Files => Slices.Select(s => s.FilePath).ToList();

    public IReadOnlyDictionary<HemorrhageClass, int> TrueClassCounts =>
        HemorrhageClassNames.All.ToDictionary(c => c, c => Slices.Count(s => s.TrueClass == c));

    public IEnumerable<TruthRow> Truth => Slices.Select(s => new TruthRow(s.SopInstanceUid, s.TrueClass));
}

public sealed record DemoScan(int ScanNumber, string Folder, string StudyInstanceUid, string SeriesInstanceUid, IReadOnlyList<DemoSlice> Slices);

public sealed record DemoSlice(
    int ScanNumber,
    int SliceIndex,
    string FilePath,
    string SopInstanceUid,
    HemorrhageClass TrueClass,
    IReadOnlyList<BleedBox> TrueBoxes);

public sealed record DemoRead(string Rater, string SopInstanceUid, HemorrhageClass Label, IReadOnlyList<SimulatedBox> Boxes);
