using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlendSign.Data.Dicom;

namespace BlendSign.Data.Rendering;

// Resampling happens on the stored values, before windowing: windowing clamps, so interpolating HU and then windowing is
// what a finer reconstruction would show, whereas interpolating windowed bytes blends clipped values (and RGB would need
// three interpolations). Rounding to a stored value (at most half a unit) matches the native grid's quantisation.
public sealed class SliceRenderer(WindowLutCache luts)
{
    /// <summary>The study's input size; every view is this square.</summary>
    public const int OutputSize = 512;

    private const int OutputPixels = OutputSize * OutputSize;

    public static int OutputLength(WindowPreset preset) => OutputPixels * preset.Channels.Count;

    public RenderedImage Render(HuSlice slice, WindowPreset preset)
    {
        var pixels = new byte[OutputLength(preset)];
        RenderInto(slice, preset, pixels);
        return new RenderedImage(OutputSize, OutputSize, preset.Channels.Count, pixels);
    }

    public byte[] RenderPng(HuSlice slice, WindowPreset preset)
    {
        var length = OutputLength(preset);
        var pixels = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            RenderInto(slice, preset, pixels.AsSpan(0, length));
            return PngEncoder.Encode(pixels.AsSpan(0, length), OutputSize, OutputSize, preset.Channels.Count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>Writes the view row-major into <paramref name="destination"/> (<see cref="OutputLength"/> bytes, RGB interleaved).</summary>
    public void RenderInto(HuSlice slice, WindowPreset preset, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(preset);
        if (slice.Rows <= 0 || slice.Columns <= 0 || slice.Stored.Length < slice.Rows * slice.Columns)
        {
            throw new ArgumentException("The slice's stored values do not cover its rows × columns.", nameof(slice));
        }

        if (destination.Length < OutputLength(preset))
        {
            throw new ArgumentException($"The destination needs {OutputLength(preset)} bytes.", nameof(destination));
        }

        var lut = luts.Get(slice.Slope, slice.Intercept, preset);
        if (slice.Rows == OutputSize && slice.Columns == OutputSize)
        {
            Apply(lut, slice.Stored.AsSpan(0, OutputPixels), destination);
            return;
        }

        var resampled = ArrayPool<short>.Shared.Rent(OutputPixels);
        try
        {
            BilinearResampler.Resample(slice.Stored, slice.Rows, slice.Columns, resampled, OutputSize, OutputSize);
            Apply(lut, resampled.AsSpan(0, OutputPixels), destination);
        }
        finally
        {
            ArrayPool<short>.Shared.Return(resampled);
        }
    }

    private static void Apply(WindowLut lut, ReadOnlySpan<short> stored, Span<byte> destination)
    {
        // Bounds were checked by the caller and every (ushort) index is inside the 65,536-entry table,
        // so the hot loops read and write through refs without per-pixel checks.
        ref var output = ref MemoryMarshal.GetReference(destination);
        if (lut.Gray is { } gray)
        {
            ref var grayTable = ref MemoryMarshal.GetArrayDataReference(gray);
            for (var i = 0; i < stored.Length; i++)
            {
                Unsafe.Add(ref output, i) = Unsafe.Add(ref grayTable, (ushort)stored[i]);
            }

            return;
        }

        // Each pixel stores 4 bytes (R, G, B and a spare; little-endian, as on every platform this runs
        // on) 3 bytes apart, and the next pixel overwrites the spare. The last pixel goes byte by byte
        // so nothing is written past the image.
        ref var rgbTable = ref MemoryMarshal.GetArrayDataReference(lut.Rgb!);
        var last = stored.Length - 1;
        for (var i = 0; i < last; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, 3 * i), Unsafe.Add(ref rgbTable, (ushort)stored[i]));
        }

        var final = Unsafe.Add(ref rgbTable, (ushort)stored[last]);
        Unsafe.Add(ref output, 3 * last) = (byte)final;
        Unsafe.Add(ref output, 3 * last + 1) = (byte)(final >> 8);
        Unsafe.Add(ref output, 3 * last + 2) = (byte)(final >> 16);
    }
}
