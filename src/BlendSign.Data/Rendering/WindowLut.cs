namespace BlendSign.Data.Rendering;

// Indexed by the stored int16 value (as ushort), with the rescale folded in: one lookup per pixel, no floating point
// and no branches. RGB tables hold R | G << 8 | B << 16 so that a pixel is one 4-byte load and one store.
public sealed class WindowLut
{
    private const int StoredValues = 1 << 16;

    private WindowLut(byte[]? gray, uint[]? rgb)
    {
        Gray = gray;
        Rgb = rgb;
    }

    public int Channels => Rgb is null ? 1 : 3;

    public long SizeBytes => Gray?.Length ?? Rgb!.Length * sizeof(uint);

    internal byte[]? Gray { get; }

    /// <summary>Packed R, G, B per stored value (three-window presets).</summary>
    internal uint[]? Rgb { get; }

    public byte Lookup(short stored, int channel) =>
        Gray is { } gray ? gray[(ushort)stored] : (byte)(Rgb![(ushort)stored] >> (8 * channel));

    public static WindowLut Build(double slope, double intercept, WindowPreset preset)
    {
        var windows = preset.Channels;
        if (windows.Count == 1)
        {
            var gray = new byte[StoredValues];
            for (var i = 0; i < StoredValues; i++)
            {
                // Index i holds the stored value whose two's-complement bits are i.
                gray[i] = windows[0].ToByte((short)i * slope + intercept);
            }

            return new WindowLut(gray, null);
        }

        var rgb = new uint[StoredValues];
        for (var i = 0; i < StoredValues; i++)
        {
            var hu = (short)i * slope + intercept;
            rgb[i] = windows[0].ToByte(hu) | (uint)windows[1].ToByte(hu) << 8 | (uint)windows[2].ToByte(hu) << 16;
        }

        return new WindowLut(null, rgb);
    }
}
