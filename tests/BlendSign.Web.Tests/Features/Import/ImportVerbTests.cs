using System.Text.Json;
using BlendSign.Tests.Shared;
using BlendSign.Web.Tests.Cli;

namespace BlendSign.Web.Tests.Features.Import;

public sealed class ImportVerbTests : IDisposable
{
    private const string Cq500Single = "cq500-bhx-sample/CQ500-CT-1_series-2.5-5mm";
    private readonly CliRunner _cli = new();
    private readonly TempDirectory _temp = new();

    [SkippableFact]
    public async Task Import_Json_WritesTheDesignShapeWithLowercaseStatuses()
    {
        var slice = Path.Combine(SharedData.RequireFolder(Cq500Single), "CT000000.dcm");
        var missing = _temp.Combine("missing.dcm");

        var (exitCode, output, _) = await _cli.RunAsync("import", slice, slice, missing, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["files", "imported", "duplicates", "rejected", "scans", "slices", "items"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal((3, 1, 1, 1, 1, 1), (root.GetProperty("files").GetInt32(), root.GetProperty("imported").GetInt32(),
            root.GetProperty("duplicates").GetInt32(), root.GetProperty("rejected").GetInt32(),
            root.GetProperty("scans").GetInt32(), root.GetProperty("slices").GetInt32()));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(["file", "status", "sop_instance_uid", "reason"], i.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["imported", "duplicate", "rejected"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(missing, items[2].GetProperty("file").GetString());
        Assert.Equal("file or folder not found", items[2].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("sop_instance_uid").ValueKind);
        Assert.Equal("1.2.276.0.7230010.3.1.4.296485376.1.1521714567.2079632", items[0].GetProperty("sop_instance_uid").GetString());
    }

    [Fact]
    public async Task Import_HumanOutput_ListsCountsAndEachRejectedFileWithItsReason()
    {
        var text = _temp.Combine("notes.txt");
        File.WriteAllText(text, "not an image");
        var empty = _temp.Combine("empty.dcm");
        File.WriteAllBytes(empty, []);

        var (exitCode, output, _) = await _cli.RunAsync("import", _temp.Path);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2 files: 0 imported, 0 duplicates, 2 rejected; 0 scans with 0 slices.", lines[0]);
        Assert.Equal([$"rejected {empty}: empty file (0 bytes)", $"rejected {text}: not a DICOM file"], lines[1..]);
    }

    public void Dispose()
    {
        _cli.Dispose();
        _temp.Dispose();
    }
}
