using BlendSign.Data.Dicom;
using BlendSign.Data.Reading;
using BlendSign.Data.Rendering;
using BlendSign.Data.Scans;
using BlendSign.Data.Storage;
using BlendSign.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace BlendSign.Data.Tests.Rendering;

public sealed class SliceImageServiceTests : IDisposable
{
    private static readonly Reader Lead = new("lead", "lead", IsRadiologist: false, SeesAllScans: true, IsLead: true);

    private readonly TestDatabase _database = new();
    private readonly SliceStore _store;
    private readonly RenderedImageCache _cache = new(16L << 20);
    private readonly SliceImageService _service;

    public SliceImageServiceTests()
    {
        _store = new SliceStore(_database.Paths);
        _service = new SliceImageService(_database, _store, new SliceRenderer(new WindowLutCache()), _cache,
            NullLogger<SliceImageService>.Instance);
    }

    [Fact]
    public async Task GetAsync_SameSliceTwice_SameETagAndBytesFromTheCache()
    {
        await AddSlicesAsync(TestSlices.Phantom(), "1.2.3.1");

        var first = await _service.GetAsync("1.2.3.1", WindowPresets.Rgb3, Lead);
        var second = await _service.GetAsync("1.2.3.1", WindowPresets.Rgb3, Lead);

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Matches("^\"[0-9a-f]{32}\"$", first.ETag);
        using var bitmap = SKBitmap.Decode(first.Png);
        Assert.Equal((512, 512), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task GetAsync_TwoSopsWithTheSameContent_ShareTheETag()
    {
        await AddSlicesAsync(TestSlices.Phantom(seed: 1), "1.2.3.1", "1.2.3.2");

        var a = await _service.GetAsync("1.2.3.1", WindowPresets.Brain, Lead);
        var b = await _service.GetAsync("1.2.3.2", WindowPresets.Brain, Lead);

        Assert.Equal(a!.ETag, b!.ETag);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task GetAsync_EachPreset_HasItsOwnETagAndPixels()
    {
        await AddSlicesAsync(TestSlices.Phantom(), "1.2.3.1");

        var images = new List<SliceImage>();
        foreach (var preset in WindowPresets.All)
        {
            images.Add((await _service.GetAsync("1.2.3.1", preset, Lead))!);
        }

        Assert.Equal(4, images.Select(i => i.ETag).Distinct().Count());
        Assert.Equal(4, images.Select(i => Convert.ToHexString(i.Png)).Distinct().Count());
    }

    [Fact]
    public async Task GetAsync_DifferentContent_DifferentETag()
    {
        await AddSlicesAsync(TestSlices.Phantom(seed: 1), "1.2.3.1");
        await AddSlicesAsync(TestSlices.Phantom(seed: 2), "1.2.3.2");

        var a = await _service.GetAsync("1.2.3.1", WindowPresets.Rgb3, Lead);
        var b = await _service.GetAsync("1.2.3.2", WindowPresets.Rgb3, Lead);

        Assert.NotEqual(a!.ETag, b!.ETag);
    }

    [Fact]
    public async Task FindAsync_UnknownSop_ReturnsNull()
    {
        Assert.Null(await _service.FindAsync("9.9.9", WindowPresets.Rgb3, Lead));
        Assert.Null(await _service.GetAsync("9.9.9", WindowPresets.Rgb3, Lead));
    }

    [Fact]
    public async Task FindAsync_KnownSop_GivesTheETagBeforeRendering()
    {
        var key = await AddSlicesAsync(TestSlices.Phantom(), "1.2.3.1");

        var source = await _service.FindAsync("1.2.3.1", WindowPresets.Bone, Lead);

        Assert.Equal(key, source!.StoreKey);
        Assert.Equal(SliceImageService.ComputeETag(key, WindowPresets.Bone), source.ETag);
        Assert.Equal(0, _cache.Count);
    }

    public void Dispose() => _database.Dispose();

    private async Task<string> AddSlicesAsync(HuSlice pixels, params string[] sopInstanceUids)
    {
        var key = _store.Put(pixels);
        await using var db = _database.CreateDbContext();
        var scan = new Scan
        {
            PseudonymousId = "SCAN-" + sopInstanceUids[0],
            StudyInstanceUid = "1.2.3",
            SeriesInstanceUid = "1.2.3.4." + sopInstanceUids[0],
            Modality = "CT",
            ImportedAt = DateTimeOffset.UtcNow,
        };
        foreach (var (uid, index) in sopInstanceUids.Select((u, i) => (u, i)))
        {
            scan.Slices.Add(new Slice
            {
                SopInstanceUid = uid,
                SliceIndex = index,
                Rows = pixels.Rows,
                Columns = pixels.Columns,
                StoreKey = key,
                TransferSyntaxUid = "1.2.840.10008.1.2.1",
            });
        }

        db.Scans.Add(scan);
        await db.SaveChangesAsync();
        return key;
    }
}
