using System.Text.Json;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;
using Microsoft.EntityFrameworkCore;

namespace BlendSign.Web.Tests.Features.Gold;

public sealed class GoldVerbTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly TempDirectory _files = new();

    public GoldVerbTests()
    {
        var users = RatingSeed.AddUsers(_database, "rater1", "rater2");
        RatingSeed.AddScan(_database, "1.1", slices: 2);
        RatingSeed.AddLabel(_database, users["rater1"], "1.1.0", HemorrhageClass.BlendSign);
        RatingSeed.AddLabel(_database, users["rater2"], "1.1.0", HemorrhageClass.BlendSign);
        RatingSeed.AddLabel(_database, users["rater1"], "1.1.1", HemorrhageClass.NonIch);
    }

    [Fact]
    public async Task GoldExport_Csv_WritesOneRowPerSlice()
    {
        var result = await CliRun.RunAsync(_database, "gold", "export", "--format", "csv", "--out", _files.Combine("gold.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 slices", result.Out);
        Assert.Equal(
            "sop_instance_uid,scan_id,slice_index,label,votes,status\n1.1.0,SCAN-1.1,0,blend_sign,2,unanimous\n1.1.1,SCAN-1.1,1,,1,incomplete\n",
            await File.ReadAllTextAsync(_files.Combine("gold.csv")));
    }

    [Fact]
    public async Task GoldExport_Coco_WritesImagesAndCategories()
    {
        var result = await CliRun.RunAsync(_database, "gold", "export", "--format", "coco", "--out", _files.Combine("gold.json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_files.Combine("gold.json")));
        Assert.Equal(2, json.RootElement.GetProperty("images").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("categories").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("annotations").GetArrayLength());
    }

    [Fact]
    public async Task GoldExport_UnknownFormat_RefusedAndNoFile()
    {
        var result = await CliRun.RunAsync(_database, "gold", "export", "--format", "xml", "--out", _files.Combine("gold.xml"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(File.Exists(_files.Combine("gold.xml")));
    }

    [Fact]
    public async Task GoldFreeze_Twice_OneSnapshot()
    {
        var first = await CliRun.RunAsync(_database, "gold", "freeze");
        var second = await CliRun.RunAsync(_database, "gold", "freeze");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.StartsWith("Created snapshot", first.Out);
        Assert.StartsWith("Unchanged since snapshot", second.Out);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.GoldSnapshots.CountAsync());
    }

    public void Dispose()
    {
        _database.Dispose();
        _files.Dispose();
    }
}
