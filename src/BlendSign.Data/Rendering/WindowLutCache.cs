namespace BlendSign.Data.Rendering;

// Bounded: an RGB table is 256 KiB, and 8 MiB holds every rescale a real archive carries many times over.
public sealed class WindowLutCache
{
    public const long DefaultCapacityBytes = 8L << 20;

    private readonly LruCache<LutKey, WindowLut> _luts;

    public WindowLutCache()
        : this(DefaultCapacityBytes)
    {
    }

    public WindowLutCache(long capacityBytes)
    {
        _luts = new LruCache<LutKey, WindowLut>(capacityBytes, lut => lut.SizeBytes);
    }

    public int Count => _luts.Count;

    public WindowLut Get(double slope, double intercept, WindowPreset preset) =>
        _luts.GetOrAdd(new LutKey(slope, intercept, preset), static key => WindowLut.Build(key.Slope, key.Intercept, key.Preset));

    private readonly record struct LutKey(double Slope, double Intercept, WindowPreset Preset);
}
