namespace BlendSign.Data.Rendering;

// By ETag, which is content-addressed, so an entry never goes stale. One per process.
public sealed class RenderedImageCache
{
    // Dictionary slot, list node, record and ETag string: counted so that many small PNGs cannot
    // overshoot the bound by their bookkeeping.
    internal const int EntryOverheadBytes = 256;

    private readonly LruCache<string, SliceImage> _images;

    public RenderedImageCache(long capacityBytes)
    {
        _images = new LruCache<string, SliceImage>(capacityBytes, Weigh);
    }

    public long CapacityBytes => _images.CapacityBytes;

    public long SizeBytes => _images.SizeBytes;

    public int Count => _images.Count;

    public static long Weigh(SliceImage image) => image.Png.Length + EntryOverheadBytes;

    public bool TryGet(string etag, out SliceImage image) => _images.TryGet(etag, out image);

    public void Set(SliceImage image) => _images.Set(image.ETag, image);

    public SliceImage GetOrAdd(string etag, Func<string, SliceImage> render) => _images.GetOrAdd(etag, render);
}
