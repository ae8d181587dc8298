using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Reading;

public sealed class LabelsVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TempDirectory _files = new();

    public LabelsVerbTests()
    {
        RatingSeed.AddUsers(_database, "rater1", "rater2");
        RatingSeed.AddScan(_database, "1.1", slices: 2);
        RatingSeed.AddScan(_database, "2.2", slices: 1, ScanExclusion.Postoperative);
    }

    [Fact]
    public async Task LabelsImport_GoodFile_ReportsCountsAndExportReturnsIt()
    {
        var input = _files.Combine("in.csv");
        const string text = "rater,sop_instance_uid,label\nrater1,1.1.0,non_ich\nrater2,1.1.1,blend_sign\nrater1,2.2.0,normal_ich\n";
        await File.WriteAllTextAsync(input, text);

        var imported = await CliRun.RunAsync(_database, "labels", "import", input);
        var exported = await CliRun.RunAsync(_database, "labels", "export", "--include-excluded", "--out", _files.Combine("all.csv"));
        var kept = await CliRun.RunAsync(_database, "labels", "export", "--out", _files.Combine("kept.csv"));

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("3 created, 0 changed, 0 unchanged", imported.Out);
        Assert.Equal(3, AuditSnapshot.Lines(_database, Data.Audit.AuditEntity.Label).Count(l => l.EndsWith("(command line)/csv)", StringComparison.Ordinal)));
        Assert.Equal((0, 0), (exported.ExitCode, kept.ExitCode));
        Assert.Equal(text, await File.ReadAllTextAsync(_files.Combine("all.csv")));
        Assert.Equal("rater,sop_instance_uid,label\nrater1,1.1.0,non_ich\nrater2,1.1.1,blend_sign\n", await File.ReadAllTextAsync(_files.Combine("kept.csv")));
    }

    [Fact]
    public async Task LabelsImport_BadFile_ExitsOneNamingTheLine()
    {
        var input = _files.Combine("bad.csv");
        await File.WriteAllTextAsync(input, "rater,sop_instance_uid,label\nrater1,1.1.0,non_ich\nrater1,1.1.1,subdural\n");

        var (exitCode, _, error) = await CliRun.RunAsync(_database, "labels", "import", input);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3", error);
        Assert.Contains("Nothing was imported", error);
        Assert.Empty(RatingSeed.Snapshot(_database));
    }

    public void Dispose()
    {
        _database.Dispose();
        _files.Dispose();
    }
}
