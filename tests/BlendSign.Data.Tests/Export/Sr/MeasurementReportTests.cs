using System.Diagnostics;
using BlendSign.Data.Export.Sr;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Export.Sr;

/// <summary>
/// The gold standard as a TID 1500 report, checked by other readers than the writer: DCMTK's dsrdump (which reads
/// the Enhanced SR IOD and its content tree and says what it does not accept) and dcmdump, and GDCM.
/// </summary>
public sealed class MeasurementReportTests : IDisposable
{
    private const string Study = "1.2.826.0.1.3680043.8.498.1";
    private const string Series = "1.2.826.0.1.3680043.8.498.2";
    private readonly TempDirectory _temp = new();
    private int _uid;

    [Fact]
    public void Build_LabelsAndABox_DsrdumpReadsTheTreeWithoutAWarning()
    {
        var path = Write(Scan());

        var (exitCode, output) = Run("dsrdump", "-v", path);

        Assert.Equal(0, exitCode);
        Assert.DoesNotMatch(@"(?m)^[WEF]: ", output);
        Assert.Contains("Enhanced SR Document", output);
        Assert.Contains("""<CONTAINER:(,,"Imaging Measurement Report")=SEPARATE>""", output);
        Assert.Contains("""<contains CODE:(,,"Finding")=(blend_sign,99BLENDSIGN,"Intracranial hemorrhage with blend sign")>""", output);
        Assert.Contains("""<contains CODE:(,,"Finding")=(non_ich,99BLENDSIGN,"No intracranial hemorrhage")>""", output);
        Assert.Contains("""<contains SCOORD:(,,"Image Region")=(POLYLINE,""", output);
        Assert.Contains("""<has obs context TEXT:(,,"Tracking Identifier")="SCAN-0007 slice 1">""", output);
        Assert.DoesNotContain("slice 2\"", output); // a tie has no gold label and no group
    }

    [Fact]
    public void Build_Box_TheClosedRectangleInPixelsAndTheTemplateAndEvidenceAsDcmdumpReadsThem()
    {
        var path = Write(Scan());

        var (exitCode, output) = Run("dcmdump", "+P", "0070,0022", "+P", "0040,db00", "+P", "0008,0016", "+P", "0020,000d", path);

        Assert.Equal(0, exitCode);
        Assert.Contains(@"FL 10.5\20\110.25\20\110.25\60\10.5\60\10.5\20", output);
        Assert.Contains("CS [1500]", output);
        Assert.Contains("UI =EnhancedSRStorage", output); // dcmdump names the SOP class it knows by its name
        Assert.Contains($"UI [{Study}]", output);
    }

    [Fact]
    public void Build_Report_GdcmReadsItsHeader()
    {
        var path = Write(Scan());

        using var reader = new gdcm.Reader();
        reader.SetFileName(path);
        Assert.True(reader.Read());
        using var strings = new gdcm.StringFilter();
        strings.SetFile(reader.GetFile());
        Assert.Equal("SR", strings.ToString(new gdcm.Tag(0x0008, 0x0060)).Trim());
        Assert.Equal(Study, strings.ToString(new gdcm.Tag(0x0020, 0x000D)).Trim('\0', ' '));
    }

    public void Dispose() => _temp.Dispose();

    private string Write(SrScan scan)
    {
        var uids = new SrUids("2.25.1001", "2.25.1002", () => $"2.25.{2000 + Interlocked.Increment(ref _uid)}");
        var path = _temp.Combine("report.sr.dcm");
        using var file = File.Create(path);
        DicomPart10Writer.Write(file, MeasurementReport.Build(scan, uids, DateTimeOffset.UtcNow), MeasurementReport.EnhancedSrStorage, uids.Instance);
        return path;
    }

    private static SrScan Scan() => new("SCAN-0007", Study, Series, GoldSrExporter.CtImageStorage,
    [
        Slice(0, HemorrhageClass.NonIch, GoldStatus.Unanimous, []),
        Slice(1, HemorrhageClass.BlendSign, GoldStatus.Majority, [new ConsensusBox(60, 40, 10.5, 20, 110.25, 60, Support: 3)]),
        Slice(2, null, GoldStatus.Tie, []),
    ]);

    private static SliceGold Slice(int index, HemorrhageClass? label, GoldStatus status, IReadOnlyList<ConsensusBox> boxes)
    {
        var decision = new GoldDecision(label, 2, status);
        return new SliceGold(index + 1, $"{Series}.{index}", 1, "SCAN-0007", index, 512, 512, decision, decision, [], boxes, null);
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo($"/usr/bin/{program}", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} did not start: install Debian's dcmtk (scripts/install.sh does).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors);
    }
}
