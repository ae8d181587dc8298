namespace BlendSign.Data.Rendering;

/// <summary>
/// A preset's windows folded together with one rescale (slope, intercept) into a table indexed by
/// the stored int16 value: <c>Table[(ushort)stored × Channels + channel]</c>. Rendering a pixel is
/// then a lookup, with no floating point and no branches.
/// </summary>
public sealed class WindowLut
{
    private const int StoredValues = 1 << 16;

    private WindowLut(int channels, byte[] table)
    {
        Channels = channels;
        Table = table;
    }

    public int Channels { get; }

    /// <summary>Interleaved channel bytes for every stored value, indexed by the value as <c>ushort</c>.</summary>
    internal byte[] Table { get; }

    public byte Lookup(short stored, int channel) => Table[(ushort)stored * Channels + channel];

    public static WindowLut Build(double slope, double intercept, WindowPreset preset)
    {
        var windows = preset.Channels;
        var channels = windows.Count;
        var table = new byte[StoredValues * channels];
        for (var i = 0; i < StoredValues; i++)
        {
            // Index i holds the stored value whose two's-complement bits are i.
            var hu = (short)i * slope + intercept;
            for (var c = 0; c < channels; c++)
            {
                table[i * channels + c] = windows[c].ToByte(hu);
            }
        }

        return new WindowLut(channels, table);
    }
}
