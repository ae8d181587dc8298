using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Labels;

public sealed class BoxCsvExporterTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public BoxCsvExporterTests()
    {
        RatingSeed.AddUsers(_database, "rater1", "rater2");
        RatingSeed.AddScan(_database, "2.2", slices: 2);
        RatingSeed.AddScan(_database, "1.1", slices: 1, ScanExclusion.Postoperative);
        var importer = new BoxCsvImporter(_database, TimeProvider.System, NullLogger<BoxCsvImporter>.Instance);
        var result = importer.ImportAsync(new StringReader("""
            rater,sop_instance_uid,center_x,center_y,left,top,right,bottom
            rater2,2.2.1,5,5,0,0,10,10
            rater1,1.1.0,5,5,0,0,10,10
            rater2,2.2.0,50,50,40,40,60,60
            rater1,2.2.0,5,5,0,0,10,10
            rater2,2.2.0,5,5,0,0,10,10
            """), AuditActor.System(AuditSources.Csv)).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.Error?.ToString());
    }

    [Fact]
    public async Task ExportAsync_Default_LeavesOutExcludedScansSortedBySliceRaterPosition()
    {
        var output = new StringWriter();

        var result = await new BoxCsvExporter(_database).ExportAsync(output);

        Assert.Equal(new BoxExportResult(4, 1), result);
        Assert.Equal("""
            rater,sop_instance_uid,center_x,center_y,left,top,right,bottom
            rater1,2.2.0,5,5,0,0,10,10
            rater2,2.2.0,5,5,0,0,10,10
            rater2,2.2.0,50,50,40,40,60,60
            rater2,2.2.1,5,5,0,0,10,10

            """.Replace("\r\n", "\n", StringComparison.Ordinal), output.ToString());
    }

    [Fact]
    public async Task ExportAsync_IncludeExcluded_AddsTheExcludedScansBoxes()
    {
        var output = new StringWriter();

        var result = await new BoxCsvExporter(_database).ExportAsync(output, includeExcluded: true);

        Assert.Equal(new BoxExportResult(5, 2), result);
        Assert.Contains("rater1,1.1.0,5,5,0,0,10,10\n", output.ToString());
    }

    public void Dispose() => _database.Dispose();
}
