namespace BlendSign.Data.Tests.Dicom;

/// <summary>
/// A small, slow, spec-following lossless JPEG encoder (ITU-T T.81 Annex H, 16-bit, one component)
/// so the decoder can be checked on predictors and restart intervals that no file at hand uses.
/// Its Huffman table has short codes for small differences and codes longer than the decoder's
/// lookup for large ones, so every decoding path is taken.
/// </summary>
internal static class LosslessJpegTestEncoder
{
    // Code lengths 2..16 for categories 0..16 (Kraft sum below 1).
    private static readonly byte[] Counts = [0, 1, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 2];
    private static readonly byte[] Symbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    public static byte[] Encode(short[] values, int rows, int columns, int predictor, int restartRows = 0)
    {
        var (codes, lengths) = CanonicalCodes();
        var output = new List<byte> { 0xFF, 0xD8 };
        Segment(output, 0xC3, [16, (byte)(rows >> 8), (byte)rows, (byte)(columns >> 8), (byte)columns, 1, 1, 0x11, 0]);
        Segment(output, 0xC4, [0x00, .. Counts, .. Symbols]);
        if (restartRows > 0)
        {
            var interval = restartRows * columns;
            Segment(output, 0xDD, [(byte)(interval >> 8), (byte)interval]);
        }

        Segment(output, 0xDA, [1, 1, 0x00, (byte)predictor, 0, 0]);
        var bits = new BitWriter(output);
        var marker = 0;
        for (var y = 0; y < rows; y++)
        {
            var first = restartRows == 0 ? y == 0 : y % restartRows == 0;
            if (first && y > 0)
            {
                bits.Flush();
                output.Add(0xFF);
                output.Add((byte)(0xD0 + marker++ % 8));
            }

            for (var x = 0; x < columns; x++)
            {
                var prediction = Predict(values, columns, y, x, first ? 0 : predictor);
                var difference = (values[y * columns + x] - prediction) & 0xFFFF;
                if (difference > 32768)
                {
                    difference -= 65536;
                }

                var category = difference == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(difference));
                bits.Write(codes[category], lengths[category]);
                if (category is > 0 and < 16)
                {
                    bits.Write(difference > 0 ? difference : difference + (1 << category) - 1, category);
                }
            }
        }

        bits.Flush();
        output.Add(0xFF);
        output.Add(0xD9);
        return output.ToArray();
    }

    /// <summary>T.81 Table H.1; predictor 0 = the first row of the image or of a restart interval.</summary>
    private static int Predict(short[] v, int columns, int y, int x, int predictor)
    {
        int At(int row, int column) => (ushort)v[row * columns + column];
        if (x == 0)
        {
            return predictor == 0 ? 1 << 15 : At(y - 1, 0);
        }

        int a = At(y, x - 1);
        if (predictor == 0)
        {
            return a;
        }

        int b = At(y - 1, x), c = At(y - 1, x - 1);
        return predictor switch
        {
            1 => a,
            2 => b,
            3 => c,
            4 => a + b - c,
            5 => a + ((b - c) >> 1),
            6 => b + ((a - c) >> 1),
            _ => (a + b) >> 1,
        };
    }

    private static (int[] Codes, int[] Lengths) CanonicalCodes()
    {
        var codes = new int[17];
        var lengths = new int[17];
        int code = 0, k = 0;
        for (var length = 1; length <= 16; length++, code <<= 1)
        {
            for (var i = 0; i < Counts[length - 1]; i++, k++, code++)
            {
                codes[Symbols[k]] = code;
                lengths[Symbols[k]] = length;
            }
        }

        return (codes, lengths);
    }

    private static void Segment(List<byte> output, byte marker, byte[] content)
    {
        output.AddRange([0xFF, marker, (byte)((content.Length + 2) >> 8), (byte)(content.Length + 2)]);
        output.AddRange(content);
    }

    private sealed class BitWriter(List<byte> output)
    {
        private int _accumulator;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _accumulator = _accumulator << 1 | (value >> i & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        /// <summary>Pads the last byte with 1 bits, as T.81 F.1.2.3 asks.</summary>
        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.Add((byte)_accumulator);
            if (_accumulator == 0xFF)
            {
                output.Add(0x00);
            }

            _accumulator = 0;
            _count = 0;
        }
    }
}
