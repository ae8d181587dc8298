using BlendSign.Data.Dicom;
using BlendSign.Tests.Shared;

namespace BlendSign.Data.Tests.Dicom;

public class JpegLosslessDecoderTests
{
    private const int Rows = 23;
    private const int Columns = 37;

    public static TheoryData<int, int> PredictorsAndRestarts()
    {
        var data = new TheoryData<int, int>();
        for (var predictor = 1; predictor <= 7; predictor++)
        {
            data.Add(predictor, 0);
            data.Add(predictor, 1);
            data.Add(predictor, 4);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PredictorsAndRestarts))]
    public void TryDecode_EachPredictorWithAndWithoutRestarts_ReproducesTheStoredValues(int predictor, int restartRows)
    {
        var values = Image();
        var jpeg = LosslessJpegTestEncoder.Encode(values, Rows, Columns, predictor, restartRows);
        var decoded = new short[Rows * Columns];

        Assert.True(JpegLosslessDecoder.TryDecode(jpeg, Rows, Columns, decoded));

        Assert.Equal(values, decoded);
    }

    [Fact]
    public void TryDecode_TruncatedStream_ReturnsFalse()
    {
        var jpeg = LosslessJpegTestEncoder.Encode(Image(), Rows, Columns, predictor: 1);

        Assert.False(JpegLosslessDecoder.TryDecode(jpeg[..(jpeg.Length / 2)], Rows, Columns, new short[Rows * Columns]));
    }

    [Fact]
    public void TryDecode_DimensionsDifferFromTheHeader_ReturnsFalse()
    {
        var jpeg = LosslessJpegTestEncoder.Encode(Image(), Rows, Columns, predictor: 1);

        Assert.False(JpegLosslessDecoder.TryDecode(jpeg, Columns, Rows, new short[Rows * Columns]));
    }

    [Fact]
    public void TryDecode_CorruptedBytes_NeverThrows()
    {
        // The reader promises reasons, not exceptions: damaged streams must fall back to GDCM quietly.
        var jpeg = LosslessJpegTestEncoder.Encode(Image(), Rows, Columns, predictor: 4, restartRows: 4);
        var random = new Random(5);
        var destination = new short[Rows * Columns];

        for (var trial = 0; trial < 500; trial++)
        {
            var damaged = (byte[])jpeg.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                damaged[random.Next(2, damaged.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(2) == 0 ? damaged.Length : random.Next(2, damaged.Length);
            var exception = Record.Exception(() => JpegLosslessDecoder.TryDecode(damaged.AsSpan(0, length), Rows, Columns, destination));
            Assert.Null(exception);
        }
    }

    [Fact]
    public void TryDecode_NotAJpeg_ReturnsFalse()
    {
        Assert.False(JpegLosslessDecoder.TryDecode("not a jpeg stream"u8, Rows, Columns, new short[Rows * Columns]));
    }

    [SkippableFact]
    public void Read_RealJpegLosslessSeries_ManagedDecodeEqualsGdcm()
    {
        var folder = SharedData.RequireFolder("cq500-bhx-sample/CQ500-CT-0_series-4cc-sec-150cc-D3D-on_0.625mm");
        var managed = new DicomSliceReader();
        var gdcmOnly = new DicomSliceReader(managedJpegLossless: false);

        // Every 7th slice of the 238 keeps this quick while spanning the whole head.
        foreach (var file in Directory.GetFiles(folder, "*.dcm").Order().Where((_, i) => i % 7 == 0))
        {
            var expected = gdcmOnly.Read(file).Slice!.Pixels;
            var actual = managed.Read(file).Slice!.Pixels;
            Assert.Equal(expected.Stored, actual.Stored);
            Assert.Equal((expected.Slope, expected.Intercept), (actual.Slope, actual.Intercept));
        }
    }

    /// <summary>Smooth areas, noise, and jumps across the whole int16 range (categories 0 to 16).</summary>
    private static short[] Image()
    {
        var random = new Random(11);
        var values = new short[Rows * Columns];
        for (var y = 0; y < Rows; y++)
        {
            for (var x = 0; x < Columns; x++)
            {
                values[y * Columns + x] = (x % 11, y % 5) switch
                {
                    (0, _) => short.MinValue,
                    (5, 0) => short.MaxValue,
                    (3, _) => (short)random.Next(short.MinValue, short.MaxValue),
                    _ => (short)(40 + x * 3 - y * 2 + random.Next(-20, 21)),
                };
            }
        }

        return values;
    }
}
