using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Demo;

/// <summary>
/// Writes a synthetic demo data set: phantom scans as real DICOM files under
/// <c>{folder}/scan-NNNN/slice-NNN.dcm</c>, and the three simulated raters' reads of every slice.
/// Pixels, truth and reads are the same for the same seed; the DICOM UIDs are fresh each time.
/// </summary>
public sealed class DemoGenerator(ILogger<DemoGenerator> logger)
{
    /// <summary>The series description every demo scan carries; it tells demo scans apart in the database.</summary>
    public const string SeriesDescription = "BlendSign synthetic head CT (demo)";

    public const double PixelSpacingMm = 0.45;
    public const double SliceThicknessMm = 5.0;

    /// <param name="progress">Reports the number of scans written so far.</param>
    public DemoDataSet Generate(int scans, int seed, string folder, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scans, 1);
        var stopwatch = Stopwatch.StartNew();
        var phantom = new HeadPhantom(seed);
        var renderer = new PhantomRenderer();
        var writer = new SyntheticCtWriter();
        var simulator = new RaterSimulator(seed);
        var raters = SimulatedRater.StudyRaters;
        var hu = new short[PhantomRenderer.PixelCount];
        var written = new List<DemoScan>(scans);
        var reads = new List<DemoRead>();
        for (var scanNumber = 1; scanNumber <= scans; scanNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var plan = phantom.PlanScan(scanNumber);
            var scan = WriteScan(plan, Path.Combine(folder, $"scan-{scanNumber:0000}"), renderer, writer, hu);
            written.Add(scan);
            foreach (var rater in raters)
            {
                reads.AddRange(simulator.Read(rater, plan).Select(r =>
                    new DemoRead(r.Rater, scan.Slices[r.SliceIndex].SopInstanceUid, r.Label, r.Boxes)));
            }

            progress?.Report(scanNumber);
        }

        logger.LogInformation("Wrote {Scans} demo scans ({Slices} slices) to {Folder} in {Milliseconds} ms (seed {Seed})",
            scans, written.Sum(s => s.Slices.Count), folder, stopwatch.ElapsedMilliseconds, seed);
        return new DemoDataSet(seed, written, raters, reads);
    }

    private static DemoScan WriteScan(PhantomScan plan, string folder, PhantomRenderer renderer, SyntheticCtWriter writer, short[] hu)
    {
        Directory.CreateDirectory(folder);
        var studyUid = SyntheticCtWriter.NewUid();
        var seriesUid = SyntheticCtWriter.NewUid();
        var number = plan.ScanNumber.ToString("0000", CultureInfo.InvariantCulture);
        var slices = new List<DemoSlice>(plan.SliceCount);
        foreach (var truth in plan.Slices)
        {
            renderer.Render(plan, truth.Index, hu);
            var header = new SyntheticCtHeader(
                PatientName: $"DEMO^{number}",
                PatientId: $"DEMO-{number}",
                PatientAgeYears: plan.AgeYears,
                StudyInstanceUid: studyUid,
                SeriesInstanceUid: seriesUid,
                SopInstanceUid: SyntheticCtWriter.NewUid(),
                InstanceNumber: truth.Index + 1,
                SlicePositionMm: truth.Index * SliceThicknessMm,
                PixelSpacingMm: PixelSpacingMm,
                SliceThicknessMm: SliceThicknessMm,
                SeriesDescription: SeriesDescription);
            var path = Path.Combine(folder, $"slice-{truth.Index + 1:000}.dcm");
            writer.Write(path, header, hu, HeadPhantom.Size, HeadPhantom.Size);
            slices.Add(new DemoSlice(plan.ScanNumber, truth.Index, path, header.SopInstanceUid, truth.TrueClass, truth.Boxes));
        }

        return new DemoScan(plan.ScanNumber, folder, studyUid, seriesUid, slices);
    }
}
