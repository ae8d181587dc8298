using BlendSign.Data.Rendering;

namespace BlendSign.Data.Tests.Rendering;

public class RenderedImageCacheTests
{
    private const int PngBytes = 1000;
    private const long EntryBytes = PngBytes + RenderedImageCache.EntryOverheadBytes;

    [Fact]
    public void Set_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        var cache = new RenderedImageCache(3 * EntryBytes);
        cache.Set(Image("a"));
        cache.Set(Image("b"));
        cache.Set(Image("c"));
        Assert.True(cache.TryGet("a", out _)); // a is now more recent than b

        cache.Set(Image("d"));

        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("d", out _));
        Assert.Equal(3 * EntryBytes, cache.SizeBytes);
    }

    [Fact]
    public void Set_ImageLargerThanTheWholeCache_IsNotKept()
    {
        var cache = new RenderedImageCache(EntryBytes - 1);

        cache.Set(Image("a"));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.SizeBytes);
    }

    [Fact]
    public void Set_SameKeyAgain_ReplacesWithoutCountingTwice()
    {
        var cache = new RenderedImageCache(10 * EntryBytes);

        cache.Set(Image("a"));
        cache.Set(Image("a"));

        Assert.Equal((1, EntryBytes), (cache.Count, cache.SizeBytes));
    }

    [Fact]
    public void SetAndGet_ManyThreadsMixedSizes_NeverExceedTheBound()
    {
        var capacity = 50_000L;
        var cache = new RenderedImageCache(capacity);
        var exceeded = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var key = (i * 7919 % 300).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!cache.TryGet(key, out _))
            {
                cache.Set(Image(key, 200 + i % 5000));
            }

            if (cache.SizeBytes > capacity)
            {
                Interlocked.Increment(ref exceeded);
            }
        });

        Assert.Equal(0, exceeded);
        Assert.InRange(cache.SizeBytes, 1, capacity);
    }

    [Fact]
    public void GetOrAdd_Hit_DoesNotRenderAgain()
    {
        var cache = new RenderedImageCache(10 * EntryBytes);
        var renders = 0;

        var first = cache.GetOrAdd("a", key => { renders++; return Image(key); });
        var second = cache.GetOrAdd("a", key => { renders++; return Image(key); });

        Assert.Same(first, second);
        Assert.Equal(1, renders);
    }

    private static SliceImage Image(string etag, int bytes = PngBytes) => new(etag, new byte[bytes]);
}
