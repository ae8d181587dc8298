using BlendSign.Data.Audit;
using BlendSign.Data.Scans;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Reading;

public sealed class BoxesVerbTests : IDisposable
{
    private const string Header = "rater,sop_instance_uid,center_x,center_y,left,top,right,bottom\n";

    private readonly TestDatabase _database = new();
    private readonly TempDirectory _files = new();

    public BoxesVerbTests()
    {
        RatingSeed.AddUsers(_database, "rater1", "rater2");
        RatingSeed.AddScan(_database, "1.1", slices: 2);
        RatingSeed.AddScan(_database, "2.2", slices: 1, ScanExclusion.Postoperative);
    }

    [Fact]
    public async Task BoxesImport_GoodFile_ReportsCountsAuditsAndExportReturnsIt()
    {
        var input = _files.Combine("in.csv");
        const string text = Header + "rater1,1.1.0,15,25,10,20,30,40\nrater2,1.1.1,100.5,100,90,90,110,110\nrater1,2.2.0,5,5,0,0,10,10\n";
        await File.WriteAllTextAsync(input, text);

        var imported = await CliRun.RunAsync(_database, "boxes", "import", input);
        var all = await CliRun.RunAsync(_database, "boxes", "export", "--include-excluded", "--out", _files.Combine("all.csv"));
        var kept = await CliRun.RunAsync(_database, "boxes", "export", "--out", _files.Combine("kept.csv"));

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("3 created, 0 deleted, 0 unchanged", imported.Out);
        Assert.Equal((0, 0), (all.ExitCode, kept.ExitCode));
        Assert.Contains("Wrote 2 boxes of 1 scans", kept.Out);
        Assert.Equal(text, await File.ReadAllTextAsync(_files.Combine("all.csv")));
        Assert.Equal(Header + "rater1,1.1.0,15,25,10,20,30,40\nrater2,1.1.1,100.5,100,90,90,110,110\n", await File.ReadAllTextAsync(_files.Combine("kept.csv")));
        var audit = AuditSnapshot.Lines(_database, AuditEntity.Box);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, line => Assert.EndsWith($"({Environment.UserName} (command line)/csv)", line));
    }

    [Fact]
    public async Task BoxesImport_BoxOutsideTheSlice_ExitsOneNamingTheLineAndChangesNothing()
    {
        var input = _files.Combine("bad.csv");
        await File.WriteAllTextAsync(input, Header + "rater1,1.1.0,15,25,10,20,30,40\nrater1,1.1.1,15,25,10,20,530,40\n");

        var (exitCode, _, error) = await CliRun.RunAsync(_database, "boxes", "import", input);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3: the box (10, 20)–(530, 40) lies outside the 512×512 slice.", error);
        Assert.Contains("Nothing was imported", error);
        using var db = _database.CreateDbContext();
        Assert.Empty(db.HemorrhageBoxes);
        Assert.Empty(db.AuditEntries);
    }

    [Fact]
    public async Task BoxesImport_NoSuchFile_ExitsOne()
    {
        var (exitCode, _, error) = await CliRun.RunAsync(_database, "boxes", "import", _files.Combine("missing.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("No such file", error);
    }

    public void Dispose()
    {
        _database.Dispose();
        _files.Dispose();
    }
}
