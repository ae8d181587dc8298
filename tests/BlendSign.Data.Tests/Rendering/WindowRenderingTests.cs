using BlendSign.Data.Rendering;

namespace BlendSign.Data.Tests.Rendering;

public class WindowRenderingTests
{
    // (HU, expected byte) at and around each window's edges and centre. Expected values are
    // floor((HU − (L − W/2)) × 255 / W + 0.5), clamped: worked out by hand, not by the code under test.
    private static readonly Dictionary<string, (double Hu, byte Expected)[]> Edges = new()
    {
        ["brain"] = [(-1, 0), (0, 0), (1, 3), (40, 128), (79, 252), (80, 255), (81, 255)],
        ["subdural"] = [(-33, 0), (-32.5, 0), (-32, 1), (75, 128), (182, 254), (182.5, 255), (183, 255)],
        ["bone"] = [(-801, 0), (-800, 0), (-795, 0), (-790, 1), (600, 128), (1990, 254), (2000, 255), (2001, 255)],
    };

    // Rescales: plain HU, the usual CT intercept, and a non-unit slope with a non-zero intercept.
    private static readonly (double Slope, double Intercept)[] Rescales = [(1, 0), (1, -1024), (0.5, -1024), (2, -1001)];

    public static TheoryData<string, double, double> GrayCases()
    {
        var data = new TheoryData<string, double, double>();
        foreach (var preset in Edges.Keys)
        {
            foreach (var (slope, intercept) in Rescales)
            {
                data.Add(preset, slope, intercept);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GrayCases))]
    public void Render_GrayPresetAtAndAroundEdges_RoundsHalfUpAndClamps(string presetName, double slope, double intercept)
    {
        Assert.True(WindowPresets.TryGet(presetName, out var preset));
        var cases = Edges[presetName].Where(c => IsStoredValue(c.Hu, slope, intercept)).ToArray();
        Assert.NotEmpty(cases);

        var image = new SliceRenderer(new WindowLutCache()).Render(TestSlices.WithHu(cases.Select(c => c.Hu).ToArray(), slope, intercept), preset);

        Assert.Equal(1, image.Channels);
        Assert.Equal(cases.Select(c => c.Expected), image.Pixels.Take(cases.Length));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, -1024)]
    [InlineData(0.5, -1024)]
    public void Render_Rgb3AtAndAroundEdges_AppliesEachChannelsWindow(double slope, double intercept)
    {
        // Red 40/40 spans 20..60, green 50/100 spans 0..100, blue 60/40 spans 40..80.
        (double Hu, byte R, byte G, byte B)[] cases =
        [
            (-1, 0, 0, 0), (0, 0, 0, 0), (19, 0, 48, 0), (20, 0, 51, 0), (21, 6, 54, 0), (40, 128, 102, 0),
            (41, 134, 105, 6), (59, 249, 150, 121), (60, 255, 153, 128), (80, 255, 204, 255), (100, 255, 255, 255),
        ];

        var image = new SliceRenderer(new WindowLutCache()).Render(TestSlices.WithHu(cases.Select(c => c.Hu).ToArray(), slope, intercept), WindowPresets.Rgb3);

        Assert.Equal(3, image.Channels);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal((cases[i].R, cases[i].G, cases[i].B), (image.Pixels[3 * i], image.Pixels[3 * i + 1], image.Pixels[3 * i + 2]));
        }
    }

    [Fact]
    public void Render_Rgb3_WritesRedGreenBlueInThatOrder()
    {
        // 30 HU lies inside red's window only below centre, green's middle, blue's floor: three different bytes.
        var image = new SliceRenderer(new WindowLutCache()).Render(TestSlices.WithHu([30], 1, -1024), WindowPresets.Rgb3);

        Assert.Equal(new byte[] { 64, 77, 0 }, image.Pixels[..3]);
    }

    [Fact]
    public void Render_Rgb3LastPixel_IsWrittenInFullAndNothingBeyond()
    {
        var slice = TestSlices.WithHu([], 1, -1024);
        slice.Stored[^1] = TestSlices.ToStored(40, 1, -1024);
        var destination = new byte[512 * 512 * 3 + 1];
        destination[^1] = 0xAB;

        new SliceRenderer(new WindowLutCache()).RenderInto(slice, WindowPresets.Rgb3, destination);

        Assert.Equal(new byte[] { 0, 0, 0, 128, 102, 0, 0xAB }, destination[^7..]);
    }

    [Fact]
    public void WindowPresets_TryGet_FindsKnownNamesCaseInsensitivelyAndRejectsOthers()
    {
        Assert.True(WindowPresets.TryGet("BRAIN", out var brain));
        Assert.Equal(new Window(40, 80), Assert.Single(brain.Channels));
        Assert.Equal([new Window(40, 40), new Window(50, 100), new Window(60, 40)], WindowPresets.Rgb3.Channels);
        Assert.Equal(["rgb3", "brain", "subdural", "bone"], WindowPresets.Names);
        Assert.False(WindowPresets.TryGet("lung", out _));
        Assert.False(WindowPresets.TryGet(null, out _));
    }

    [Fact]
    public void WindowLutCache_SameRescaleAndPreset_BuildsTheTableOnce()
    {
        var cache = new WindowLutCache();

        var first = cache.Get(1, -1024, WindowPresets.Rgb3);
        var again = cache.Get(1, -1024, new WindowPreset("rgb3", new Window(40, 40), new Window(50, 100), new Window(60, 40)));
        var other = cache.Get(1, 0, WindowPresets.Rgb3);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void WindowLutCache_MoreRescalesThanFit_StaysWithinItsBound()
    {
        // Room for two RGB tables (256 KiB each).
        var cache = new WindowLutCache(2 * 4 * 65536);

        for (var intercept = 0; intercept < 5; intercept++)
        {
            cache.Get(1, -intercept, WindowPresets.Rgb3);
        }

        Assert.Equal(2, cache.Count);
    }

    private static bool IsStoredValue(double hu, double slope, double intercept)
    {
        var stored = (hu - intercept) / slope;
        return stored == Math.Round(stored);
    }
}
