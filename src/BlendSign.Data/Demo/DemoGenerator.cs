using System.Diagnostics;
using System.Globalization;
using BlendSign.Data.Dicom;
using Microsoft.Extensions.Logging;

namespace BlendSign.Data.Demo;

/// <summary>Pixels, truth and reads are the same for the same seed; the DICOM UIDs are fresh each time.</summary>
public sealed class DemoGenerator(ILogger<DemoGenerator> logger)
{
    /// <summary>The series description every demo scan carries; it tells demo scans apart in the database.</summary>
    public const string SeriesDescription = "BlendSign synthetic head CT (demo)";

    public const double PixelSpacingMm = 0.45;
    public const double SliceThicknessMm = 5.0;

    public DemoDataSet Generate(int scans, int seed, string folder, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default, PhantomOptions? shape = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scans, 1);
        var stopwatch = Stopwatch.StartNew();
        var phantom = new HeadPhantom(seed, shape);
        var plans = new PhantomScan[scans];
        var written = new DemoScan[scans];
        var done = 0;
        // Scans are independent: each worker renders and writes whole scans with its own buffers. Results
        // land by scan number, so the output does not depend on which worker took which scan.
        Parallel.For(0, scans,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new ScanWorker(),
            (index, _, worker) =>
            {
                plans[index] = phantom.PlanScan(index + 1);
                written[index] = worker.Write(plans[index], Path.Combine(folder, $"scan-{index + 1:0000}"));
                progress?.Report(Interlocked.Increment(ref done));
                return worker;
            },
            _ => { });

        var simulator = new RaterSimulator(seed);
        var raters = SimulatedRater.StudyRaters;
        var reads = new List<DemoRead>();
        for (var index = 0; index < scans; index++)
        {
            foreach (var rater in raters)
            {
                var slices = written[index].Slices;
                reads.AddRange(simulator.Read(rater, plans[index]).Select(r =>
                    new DemoRead(r.Rater, slices[r.SliceIndex].SopInstanceUid, r.Label, r.Boxes)));
            }
        }

        logger.LogInformation("Wrote {Scans} demo scans ({Slices} slices) to {Folder} in {Milliseconds} ms (seed {Seed})",
            scans, written.Sum(s => s.Slices.Count), folder, stopwatch.ElapsedMilliseconds, seed);
        return new DemoDataSet(seed, written, raters, reads);
    }

    private sealed class ScanWorker
    {
        private readonly PhantomRenderer _renderer = new();
        private readonly SyntheticCtWriter _writer = new();
        private readonly short[] _hu = new short[PhantomRenderer.PixelCount];

        public DemoScan Write(PhantomScan plan, string folder)
        {
            Directory.CreateDirectory(folder);
            var studyUid = DicomUids.New();
            var seriesUid = DicomUids.New();
            var frameOfReferenceUid = DicomUids.New();
            var number = plan.ScanNumber.ToString("0000", CultureInfo.InvariantCulture);
            var slices = new List<DemoSlice>(plan.SliceCount);
            foreach (var truth in plan.Slices)
            {
                _renderer.Render(plan, truth.Index, _hu);
                var header = new SyntheticCtHeader(
                    PatientName: $"DEMO^{number}",
                    PatientId: $"DEMO-{number}",
                    PatientAgeYears: plan.AgeYears,
                    StudyInstanceUid: studyUid,
                    SeriesInstanceUid: seriesUid,
                    FrameOfReferenceUid: frameOfReferenceUid,
                    SopInstanceUid: DicomUids.New(),
                    InstanceNumber: truth.Index + 1,
                    SlicePositionMm: truth.Index * SliceThicknessMm,
                    PixelSpacingMm: PixelSpacingMm,
                    SliceThicknessMm: SliceThicknessMm,
                    SeriesDescription: SeriesDescription);
                var path = Path.Combine(folder, $"slice-{truth.Index + 1:000}.dcm");
                _writer.Write(path, header, _hu, HeadPhantom.Size, HeadPhantom.Size);
                slices.Add(new DemoSlice(plan.ScanNumber, truth.Index, path, header.SopInstanceUid, truth.TrueClass, truth.Boxes));
            }

            return new DemoScan(plan.ScanNumber, folder, studyUid, seriesUid, slices);
        }
    }
}
