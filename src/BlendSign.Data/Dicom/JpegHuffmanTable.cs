namespace BlendSign.Data.Dicom;

// ITU-T T.81 Annex C. The first LookupBits bits index a table that, for the usual short code plus its few extra bits,
// gives the decoded difference at once; longer codes fall back to canonical limits.
internal sealed class JpegHuffmanTable
{
    public const int LookupBits = 12;

    /// <summary>Entry flag: bits 16–31 hold the difference itself (code and extra bits both fit).</summary>
    public const int Complete = 1 << 5;

    public const int LengthMask = 0x1F;

    // Entry: length (bits 0–4) | Complete | difference << 16; or, without Complete, the category in
    // bits 8–15 and the code length only; 0 where the code is longer than LookupBits.
    private readonly int[] _lookup = new int[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valueOffset = new int[17];
    private readonly byte[] _values;

    private JpegHuffmanTable(byte[] values) => _values = values;

    public int[] Lookup => _lookup;

    /// <summary>Builds the table from the DHT segment's 16 code-length counts and its symbols; null when they are inconsistent.</summary>
    public static JpegHuffmanTable? Create(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        var table = new JpegHuffmanTable(values.ToArray());
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            table._valueOffset[length] = k - code;
            for (var i = 0; i < count; i++, k++, code++)
            {
                if (values[k] > 16 || code >= 1 << length)
                {
                    return null; // not a lossless category, or more codes than the length allows
                }

                if (length <= LookupBits)
                {
                    table.FillLookup(code, length, values[k]);
                }
            }

            table._maxCode[length] = count == 0 ? -1 : code - 1;
            code <<= 1;
        }

        table._maxCode[17] = int.MaxValue; // sentinel: stop the long-code search
        return k == values.Length ? table : null;
    }

    /// <summary>T.81 F.2.2.1 EXTEND: <paramref name="extra"/> bits of a category-<paramref name="category"/> difference.</summary>
    public static int Extend(int extra, int category) =>
        extra < 1 << (category - 1) ? extra - (1 << category) + 1 : extra;

    /// <summary>Decodes a code longer than <see cref="LookupBits"/> from the top 16 bits; (0, 0) when none matches.</summary>
    public (int Length, int Category) DecodeLong(int top16Bits)
    {
        for (var length = LookupBits + 1; length <= 16; length++)
        {
            var code = top16Bits >> (16 - length);
            if (code <= _maxCode[length])
            {
                var index = code + _valueOffset[length];
                return index >= 0 && index < _values.Length ? (length, _values[index]) : (0, 0);
            }
        }

        return (0, 0);
    }

    private void FillLookup(int code, int length, int category)
    {
        var free = LookupBits - length;
        var first = code << free;
        // Category 16 has no extra bits: its difference is 32768, the same as −32768 modulo 2^16.
        var extraBits = category == 16 ? 0 : category;
        if (extraBits > free)
        {
            _lookup.AsSpan(first, 1 << free).Fill(length | category << 8);
            return;
        }

        for (var extra = 0; extra < 1 << extraBits; extra++)
        {
            var difference = category switch
            {
                0 => 0,
                16 => -32768,
                _ => Extend(extra, category),
            };
            var entry = (length + extraBits) | Complete | difference << 16;
            _lookup.AsSpan(first | extra << (free - extraBits), 1 << (free - extraBits)).Fill(entry);
        }
    }
}
