using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Labels;

public sealed class BoxCsvImporterTests : IDisposable
{
    private const string Header = "rater,sop_instance_uid,center_x,center_y,left,top,right,bottom\n";
    private static readonly AuditActor Importer = new("lead-id", "lead", AuditSources.Csv);

    private readonly TestDatabase _database = new();
    private readonly Dictionary<string, string> _users;
    private readonly BoxCsvImporter _importer;

    public BoxCsvImporterTests()
    {
        _users = RatingSeed.AddUsers(_database, "rater1", "rater2");
        RatingSeed.AddScan(_database, "1.2.3", slices: 3); // 512 × 512
        _importer = new BoxCsvImporter(_database, TimeProvider.System, NullLogger<BoxCsvImporter>.Instance);
    }

    [Fact]
    public async Task ImportAsync_GoodFile_StoresEveryBoxAndAuditsEach()
    {
        var result = await Import(Header + """
            rater1,1.2.3.0,15,25,10,20,30,40
            rater1,1.2.3.0,105.5,100,100,90,110,110
            rater2,1.2.3.1,0,0,0,0,512,512
            """);

        Assert.Equal(new BoxImportResult(Rows: 3, Slices: 2, Created: 3, Deleted: 0, Unchanged: 0, null), result);
        Assert.Equal(
            ["rater1 1.2.3.0 (105.5,100) 100,90-110,110", "rater1 1.2.3.0 (15,25) 10,20-30,40", "rater2 1.2.3.1 (0,0) 0,0-512,512"],
            Boxes());
        var audit = AuditSnapshot.Lines(_database);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, line => Assert.StartsWith("Create Box 1.2.3.", line));
        Assert.Contains("\"left\":10,\"top\":20,\"right\":30,\"bottom\":40", audit[0]);
        Assert.EndsWith("(lead/csv)", audit[0]);
    }

    [Fact]
    public async Task ImportAsync_RaterAlreadyHasBoxesOnANamedSlice_ReplacesOnlyThatRatersBoxesOnThatSlice()
    {
        await Import(Header + """
            rater1,1.2.3.0,15,25,10,20,30,40
            rater1,1.2.3.0,55,55,50,50,60,60
            rater1,1.2.3.1,15,25,10,20,30,40
            rater2,1.2.3.0,15,25,10,20,30,40
            """);

        var result = await Import(Header + """
            rater1,1.2.3.0,55,55,50,50,60,60
            rater1,1.2.3.0,205,205,200,200,210,210
            """);

        Assert.Equal(new BoxImportResult(Rows: 2, Slices: 1, Created: 1, Deleted: 1, Unchanged: 1, null), result);
        Assert.Equal(
            [
                "rater1 1.2.3.0 (205,205) 200,200-210,210", "rater1 1.2.3.0 (55,55) 50,50-60,60",
                "rater1 1.2.3.1 (15,25) 10,20-30,40", "rater2 1.2.3.0 (15,25) 10,20-30,40",
            ],
            Boxes());
        var audit = AuditSnapshot.Lines(_database).Skip(4).ToList();
        Assert.Equal(2, audit.Count);
        Assert.StartsWith("Create Box 1.2.3.0 rater1:  -> {", audit[0]);
        Assert.Matches("^Delete Box 1.2.3.0 rater1: {\"id\":\\d+,\"left\":10,\"top\":20,\"right\":30,\"bottom\":40,\"centerX\":15,\"centerY\":25} ->  \\(lead/csv\\)$", audit[1]);
    }

    [Theory]
    [InlineData("empty file", "", 1, "empty")]
    [InlineData("missing column", "rater,sop_instance_uid,center_x,center_y,left,top,right\nrater1,1.2.3.0,15,25,10,20,30\n", 1, "missing column 'bottom'")]
    [InlineData("unknown column", "rater,sop_instance_uid,cx,center_y,left,top,right,bottom\n", 1, "unknown column 'cx'")]
    [InlineData("too few fields", Header + "rater1,1.2.3.0,15,25,10,20,30,40\nrater1,1.2.3.1,15,25,10,20,30\n", 3, "expected 8 fields, found 7")]
    [InlineData("not a number", Header + "rater1,1.2.3.0,15,25,10,20,30,40\nrater1,1.2.3.1,15,25,ten,20,30,40\n", 3, "left 'ten' is not a number")]
    [InlineData("comma decimal", Header + "rater1,1.2.3.0,\"15,5\",25,10,20,30,40\n", 2, "center_x '15,5' is not a number")]
    [InlineData("not finite", Header + "rater1,1.2.3.0,15,25,10,20,Infinity,40\n", 2, "right 'Infinity' is not a number")]
    [InlineData("empty number", Header + "rater1,1.2.3.0,15,25,10,20,30,\n", 2, "bottom is empty")]
    [InlineData("empty rater", Header + ",1.2.3.0,15,25,10,20,30,40\n", 2, "rater is empty")]
    [InlineData("left > right", Header + "rater1,1.2.3.0,15,25,30,20,10,40\n", 2, "left (30) must be less than right (10)")]
    [InlineData("left = right", Header + "rater1,1.2.3.0,10,25,10,20,10,40\n", 2, "left (10) must be less than right")]
    [InlineData("top > bottom", Header + "rater1,1.2.3.0,15,25,10,40,30,20\n", 2, "top (40) must be less than bottom (20)")]
    [InlineData("center outside", Header + "rater1,1.2.3.0,35,25,10,20,30,40\n", 2, "center (35, 25) lies outside the box")]
    [InlineData("right past the image", Header + "rater1,1.2.3.0,15,25,10,20,513,40\n", 2, "outside the 512×512 slice")]
    [InlineData("negative edge", Header + "rater1,1.2.3.0,0,25,-1,20,30,40\n", 2, "outside the 512×512 slice")]
    [InlineData("unknown rater", Header + "rater1,1.2.3.0,15,25,10,20,30,40\nnobody,1.2.3.0,15,25,10,20,30,40\n", 3, "no user named 'nobody'")]
    [InlineData("unknown slice", Header + "rater1,1.2.3.0,15,25,10,20,30,40\nrater1,9.9.9,15,25,10,20,30,40\n", 3, "no slice with SOP Instance UID '9.9.9'")]
    [InlineData("same box twice", Header + "rater1,1.2.3.0,15,25,10,20,30,40\nRATER1,1.2.3.0,15,25,10,20,30,40\n", 3, "same box as line 2")]
    [InlineData("outside slice before bad number", Header + "rater1,1.2.3.0,15,25,10,20,600,40\nrater1,1.2.3.1,x,25,10,20,30,40\n", 2, "outside")]
    [InlineData("bad shape before unknown slice", Header + "rater1,1.2.3.0,15,25,30,20,10,40\nrater1,9.9.9,15,25,10,20,30,40\n", 2, "left (30)")]
    public async Task ImportAsync_BadFile_RefusedAtFirstProblemAndNothingChanged(string kind, string text, int line, string message)
    {
        await Import(Header + "rater2,1.2.3.0,15,25,10,20,30,40\nrater1,1.2.3.0,55,55,50,50,60,60\n");
        var (boxes, audit) = (Boxes(), AuditSnapshot.Lines(_database));

        var result = await Import(text);

        Assert.False(result.Succeeded, kind);
        Assert.Equal(line, result.Error!.LineNumber);
        Assert.Contains(message, result.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(boxes, Boxes());
        Assert.Equal(audit, AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task ImportAsync_ExportedFile_ReadsBackUnchanged()
    {
        await Import(Header + "rater1,1.2.3.0,15.25,25,10.125,20,30,40.5\nrater2,1.2.3.2,1,1,0,0,2,2\n");
        var exported = new StringWriter();
        await new BoxCsvExporter(_database).ExportAsync(exported);

        var again = await Import(exported.ToString());

        Assert.Equal(new BoxImportResult(Rows: 2, Slices: 2, Created: 0, Deleted: 0, Unchanged: 2, null), again);
        Assert.Equal(Header + "rater1,1.2.3.0,15.25,25,10.125,20,30,40.5\nrater2,1.2.3.2,1,1,0,0,2,2\n", exported.ToString());
    }

    private Task<BoxImportResult> Import(string text) => _importer.ImportAsync(new StringReader(text), Importer);

    private List<string> Boxes()
    {
        using var db = _database.CreateDbContext();
        return db.HemorrhageBoxes
            .Select(b => new { Rater = b.Rater.UserName, b.Slice.SopInstanceUid, b.CenterX, b.CenterY, b.Left, b.Top, b.Right, b.Bottom })
            .AsEnumerable()
            .Select(b => FormattableString.Invariant($"{b.Rater} {b.SopInstanceUid} ({b.CenterX},{b.CenterY}) {b.Left},{b.Top}-{b.Right},{b.Bottom}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public void Dispose() => _database.Dispose();
}
