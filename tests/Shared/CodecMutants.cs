namespace BlendSign.Tests.Shared;

/// <summary>
/// Damaged copies of pydicom's JPEG 2000, RLE and JPEG-LS files: a few bits flipped in the pixel data (after the
/// Pixel Data tag), with a fixed seed so that every run writes the same files. Native codecs abort or hang on some.
/// </summary>
public static class CodecMutants
{
    /// <summary>Single-frame files in the codecs Debian's GDCM decodes with native code.</summary>
    public static readonly string[] Sources =
    [
        "MR_small_jp2klossless.dcm", "JPEG2000.dcm", "693_J2KI.dcm", "GDCMJ2K_TextGBR.dcm", "J2K_pixelrep_mismatch.dcm",
        "MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm",
    ];

    private static ReadOnlySpan<byte> PixelDataTag => [0xE0, 0x7F, 0x10, 0x00];

    /// <summary>Writes <paramref name="count"/> mutants into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, int count, int seed = 1234)
    {
        var random = new Random(seed);
        var originals = Sources.Select(name => File.ReadAllBytes(PydicomTestFiles.Require(name))).ToArray();
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var bytes = (byte[])originals[i % originals.Length].Clone();
            var pixels = bytes.AsSpan().LastIndexOf(PixelDataTag) + 12;
            for (var flips = random.Next(1, 9); flips > 0; flips--)
            {
                bytes[random.Next(pixels, bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            var path = Path.Combine(folder, $"mutant-{i:D3}-{Sources[i % Sources.Length]}");
            File.WriteAllBytes(path, bytes);
            paths.Add(path);
        }

        return paths;
    }
}
