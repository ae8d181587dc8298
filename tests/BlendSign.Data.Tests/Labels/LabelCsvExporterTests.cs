using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Labels;

public sealed class LabelCsvExporterTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public LabelCsvExporterTests()
    {
        var users = RatingSeed.AddUsers(_database, "zoe", "adam");
        RatingSeed.AddScan(_database, "1.1", slices: 12);
        RatingSeed.AddScan(_database, "2.2", slices: 1, ScanExclusion.Postoperative);
        // Out of order on purpose: export sorts by scan, slice index (10 after 2), then rater.
        RatingSeed.AddLabel(_database, users["zoe"], "1.1.10", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(_database, users["zoe"], "2.2.0", HemorrhageClass.BlendSign);
        RatingSeed.AddLabel(_database, users["zoe"], "1.1.2", HemorrhageClass.NormalIch);
        RatingSeed.AddLabel(_database, users["adam"], "1.1.2", HemorrhageClass.BlendSign);
    }

    [Fact]
    public async Task ExportAsync_Default_SortedAndLeavesOutExcludedScans()
    {
        var (text, result) = await Export(includeExcluded: false);

        Assert.Equal("rater,sop_instance_uid,label\nadam,1.1.2,blend_sign\nzoe,1.1.2,normal_ich\nzoe,1.1.10,non_ich\n", text);
        Assert.Equal(new LabelExportResult(3, 1), result);
    }

    [Fact]
    public async Task ExportAsync_IncludeExcluded_AddsExcludedScans()
    {
        var (text, result) = await Export(includeExcluded: true);

        Assert.EndsWith("zoe,1.1.10,non_ich\nzoe,2.2.0,blend_sign\n", text);
        Assert.Equal(new LabelExportResult(4, 2), result);
    }

    [Fact]
    public async Task ExportAsync_WithMeasurements_AddsTheAttachedBlendSignHelperAndLeavesOthersEmpty()
    {
        using (var db = _database.CreateDbContext())
        {
            var label = db.SliceLabels.Single(l => l.Slice.SopInstanceUid == "1.1.2" && l.Rater.UserName == "adam");
            (label.BlendSignRoiMeanA, label.BlendSignRoiMeanB) = (62.5, 38.25);
            db.SaveChanges();
        }

        var writer = new StringWriter();
        await new LabelCsvExporter(_database).ExportAsync(writer, withMeasurements: true);

        Assert.Equal(
            "rater,sop_instance_uid,label,blend_sign_roi_mean_a_hu,blend_sign_roi_mean_b_hu,blend_sign_difference_hu,blend_sign_18hu_met\n"
            + "adam,1.1.2,blend_sign,62.5,38.25,24.25,true\nzoe,1.1.2,normal_ich,,,,\nzoe,1.1.10,non_ich,,,,\n",
            writer.ToString());
    }

    [Fact]
    public async Task ExportAsync_ImportedIntoAnotherDatabase_RoundTrips()
    {
        var (text, _) = await Export(includeExcluded: true);
        using var other = new TestDatabase();
        RatingSeed.AddUsers(other, "adam", "zoe");
        RatingSeed.AddScan(other, "1.1", slices: 12);
        RatingSeed.AddScan(other, "2.2", slices: 1, ScanExclusion.Postoperative);

        var imported = await new LabelCsvImporter(other, TimeProvider.System, NullLogger<LabelCsvImporter>.Instance)
            .ImportAsync(new StringReader(text), AuditActor.System(AuditSources.Csv));
        var writer = new StringWriter();
        await new LabelCsvExporter(other).ExportAsync(writer, includeExcluded: true);

        Assert.Equal(new LabelImportResult(4, 4, 0, 0, null), imported);
        Assert.Equal(text, writer.ToString());
        Assert.Equal(RatingSeed.Snapshot(_database), RatingSeed.Snapshot(other));
    }

    private async Task<(string Text, LabelExportResult Result)> Export(bool includeExcluded)
    {
        var writer = new StringWriter();
        var result = await new LabelCsvExporter(_database).ExportAsync(writer, includeExcluded);
        return (writer.ToString(), result);
    }

    public void Dispose() => _database.Dispose();
}
