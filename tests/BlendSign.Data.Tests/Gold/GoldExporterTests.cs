using System.Text.Json;
using BlendSign.Data.Gold;
using BlendSign.Data.Labels;
using BlendSign.Data.Tests.Support;

namespace BlendSign.Data.Tests.Gold;

public sealed class GoldExporterTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public GoldExporterTests()
    {
        var users = RatingSeed.AddUsers(_database, "rater1", "rater2", "rater3");
        string[] raters = [users["rater1"], users["rater2"], users["rater3"]];
        GoldSeed.MakeRadiologists(_database, raters);
        RatingSeed.AddScan(_database, "7.1", 3);
        GoldSeed.Label(_database, "7.1.0", raters, HemorrhageClass.BlendSign, HemorrhageClass.BlendSign, HemorrhageClass.NormalIch);
        GoldSeed.Label(_database, "7.1.1", raters, HemorrhageClass.NonIch, HemorrhageClass.NormalIch, HemorrhageClass.BlendSign);
        GoldSeed.AddBox(_database, raters[0], "7.1.0", 10, 20, 50, 60);
        GoldSeed.AddBox(_database, raters[1], "7.1.0", 14, 20, 54, 60);
        GoldSeed.AddBox(_database, raters[0], "7.1.1", 10, 20, 50, 60);
        GoldSeed.AddBox(_database, raters[2], "7.1.1", 10, 20, 50, 60);
    }

    [Fact]
    public async Task WriteCsvAsync_Gold_HeaderAndOneRowPerSlice()
    {
        var text = new StringWriter();

        await Exporter().WriteCsvAsync(text);

        Assert.Equal(
            "sop_instance_uid,scan_id,slice_index,label,votes,status\n" +
            "7.1.0,SCAN-7.1,0,blend_sign,2,majority\n" +
            "7.1.1,SCAN-7.1,1,,1,tie\n" +
            "7.1.2,SCAN-7.1,2,,0,incomplete\n",
            text.ToString());
    }

    [Fact]
    public async Task WriteCocoAsync_Gold_ImagesCategoriesAndConsensusAnnotations()
    {
        using var stream = new MemoryStream();

        await Exporter().WriteCocoAsync(stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        var images = root.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(["7.1.0", "7.1.1", "7.1.2"], images.Select(i => i.GetProperty("file_name").GetString()));
        Assert.Equal(512, images[0].GetProperty("width").GetInt32());
        Assert.Equal(512, images[0].GetProperty("height").GetInt32());
        Assert.Equal([(1, "non_ich"), (2, "normal_ich"), (3, "blend_sign")],
            root.GetProperty("categories").EnumerateArray().Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("name").GetString())));

        // The tie slice's boxes have no class to carry: only the blend-sign slice's consensus box is exported.
        var annotation = Assert.Single(root.GetProperty("annotations").EnumerateArray().ToList());
        Assert.Equal(images[0].GetProperty("id").GetInt32(), annotation.GetProperty("image_id").GetInt32());
        Assert.Equal(3, annotation.GetProperty("category_id").GetInt32());
        Assert.Equal([12.0, 20.0, 40.0, 40.0], annotation.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(1600.0, annotation.GetProperty("area").GetDouble());
        Assert.Equal([32.0, 40.0, 2.0], annotation.GetProperty("keypoints").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(2, annotation.GetProperty("support").GetInt32());
    }

    private GoldExporter Exporter() => new(new GoldStandardService(_database));

    public void Dispose() => _database.Dispose();
}
