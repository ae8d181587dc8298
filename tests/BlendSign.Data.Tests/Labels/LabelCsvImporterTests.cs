using BlendSign.Data.Audit;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlendSign.Data.Tests.Labels;

public sealed class LabelCsvImporterTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly Dictionary<string, string> _users;
    private readonly LabelCsvImporter _importer;

    public LabelCsvImporterTests()
    {
        _users = RatingSeed.AddUsers(_database, "rater1", "rater2");
        RatingSeed.AddScan(_database, "1.2.3", slices: 3);
        _importer = new LabelCsvImporter(_database, TimeProvider.System, NullLogger<LabelCsvImporter>.Instance);
    }

    [Fact]
    public async Task ImportAsync_GoodFile_SetsEachLabel()
    {
        var result = await Import("""
            rater,sop_instance_uid,label
            rater1,1.2.3.0,non_ich
            rater1,1.2.3.1,blend_sign
            rater2,1.2.3.1,normal_ich
            """);

        Assert.Equal(new LabelImportResult(3, 3, 0, 0, null), result);
        Assert.Equal(["rater1 1.2.3.0 NonIch", "rater1 1.2.3.1 BlendSign", "rater2 1.2.3.1 NormalIch"], RatingSeed.Snapshot(_database));
    }

    [Fact]
    public async Task ImportAsync_ExistingLabels_CountsCreatedChangedUnchanged()
    {
        RatingSeed.AddLabel(_database, _users["rater1"], "1.2.3.0", HemorrhageClass.NonIch);
        RatingSeed.AddLabel(_database, _users["rater1"], "1.2.3.1", HemorrhageClass.NonIch);

        var result = await Import("""
            rater,sop_instance_uid,label
            rater1,1.2.3.0,non_ich
            rater1,1.2.3.1,normal_ich
            rater2,1.2.3.2,blend_sign
            """);

        Assert.Equal(new LabelImportResult(3, Created: 1, Changed: 1, Unchanged: 1, null), result);
        Assert.Equal(["rater1 1.2.3.0 NonIch", "rater1 1.2.3.1 NormalIch", "rater2 1.2.3.2 BlendSign"], RatingSeed.Snapshot(_database));
        Assert.Equal(
            [
                "Change Label 1.2.3.1 rater1: non_ich -> normal_ich (lead/csv)",
                "Create Label 1.2.3.2 rater2:  -> blend_sign (lead/csv)",
            ],
            AuditSnapshot.Lines(_database));
    }

    [Fact]
    public async Task ImportAsync_ReorderedHeaderQuotesBomAndCase_Imports()
    {
        var result = await Import("\uFEFFLabel,\"rater\",SOP_INSTANCE_UID\r\n\"Blend_Sign\",RATER2,\"1.2.3.2\"\r\n");

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(["rater2 1.2.3.2 BlendSign"], RatingSeed.Snapshot(_database));
    }

    [Fact]
    public async Task ImportAsync_HeaderOnly_ImportsNothing()
    {
        var result = await Import("rater,sop_instance_uid,label\n");

        Assert.Equal(new LabelImportResult(0, 0, 0, 0, null), result);
    }

    [Theory]
    [InlineData("empty file", "", 1, "empty")]
    [InlineData("blank lines only", "\n\n", 1, "empty")]
    [InlineData("missing column", "rater,sop_instance_uid\nrater1,1.2.3.0\n", 1, "missing column 'label'")]
    [InlineData("extra column", "rater,sop_instance_uid,label,note\nrater1,1.2.3.0,non_ich,x\n", 1, "unknown column 'note'")]
    [InlineData("misnamed column", "reader,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\n", 1, "unknown column 'reader'")]
    [InlineData("repeated column", "rater,rater,sop_instance_uid,label\n", 1, "appears twice")]
    [InlineData("unknown rater", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\nnobody,1.2.3.1,non_ich\n", 3, "no user named 'nobody'")]
    [InlineData("unknown slice", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\nrater1,1.2.3.1,non_ich\nrater1,9.9.9,non_ich\n", 4, "no slice")]
    [InlineData("unknown class", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\nrater1,1.2.3.1,epidural\n", 3, "unknown class 'epidural'")]
    [InlineData("empty label", "rater,sop_instance_uid,label\nrater1,1.2.3.0,\n", 2, "label is empty")]
    [InlineData("duplicate row", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\nrater2,1.2.3.0,non_ich\nRATER1,1.2.3.0,blend_sign\n", 4, "line 2")]
    [InlineData("too few fields", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\nrater1,1.2.3.1\n", 3, "expected 3 fields, found 2")]
    [InlineData("too many fields", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich,extra\n", 2, "found 4")]
    [InlineData("unclosed quote", "rater,sop_instance_uid,label\nrater1,1.2.3.0,non_ich\nrater1,\"1.2.3.1,non_ich\nrater2,1.2.3.2,non_ich\n", 3, "never closed")]
    [InlineData("stray quote", "rater,sop_instance_uid,label\nrater1,1.2.3\"0,non_ich\n", 2, "quote inside an unquoted field")]
    [InlineData("text after quote", "rater,sop_instance_uid,label\nrater1,\"1.2.3.0\"x,non_ich\n", 2, "after a closing quote")]
    [InlineData("unknown rater before bad class", "rater,sop_instance_uid,label\nnobody,1.2.3.0,non_ich\nrater1,1.2.3.1,nope\n", 2, "no user")]
    [InlineData("bad class before unknown slice", "rater,sop_instance_uid,label\nrater1,1.2.3.0,nope\nrater1,9.9.9,non_ich\n", 2, "unknown class")]
    public async Task ImportAsync_BadFile_RefusedAtFirstProblemAndNothingWritten(string kind, string text, int line, string message)
    {
        RatingSeed.AddLabel(_database, _users["rater2"], "1.2.3.0", HemorrhageClass.BlendSign);
        var before = RatingSeed.Snapshot(_database);

        var result = await Import(text);

        Assert.False(result.Succeeded, kind);
        Assert.Equal(line, result.Error!.LineNumber);
        Assert.Contains(message, result.Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, RatingSeed.Snapshot(_database));
        Assert.Empty(AuditSnapshot.Lines(_database));
    }

    private static readonly AuditActor Importer = new("lead-id", "lead", AuditSources.Csv);

    private Task<LabelImportResult> Import(string text) => _importer.ImportAsync(new StringReader(text), Importer);

    public void Dispose() => _database.Dispose();
}
