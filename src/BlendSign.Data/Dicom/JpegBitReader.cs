using System.Buffers.Binary;

namespace BlendSign.Data.Dicom;

// A 64-bit MSB-first buffer, undoing 0xFF00 stuffing. Past a marker it feeds zero bits and counts them, so a truncated
// stream shows as Overran rather than as an exception. The decoder keeps the buffer in locals (registers) and hands it
// back here only to refill.
internal ref struct JpegBitReader(ReadOnlySpan<byte> data)
{
    private const ulong Ones = 0x0101010101010101;
    private const ulong HighBits = 0x8080808080808080;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;
    private int _paddingBits;
    private bool _atMarker;

    public ulong Bits { get; set; }

    public int Count { get; set; }

    public readonly bool Overran => _paddingBits - Count > 0;

    /// <summary>Tops the buffer up to at least 57 bits (32 are needed: a 16-bit code and 15 extra bits).</summary>
    public (ulong Bits, int Count) Refill(ulong bits, int count)
    {
        // Common case: the next bytes hold no 0xFF, so they go in with one big-endian load.
        var room = (64 - count) >> 3;
        if (!_atMarker && _position + 8 <= _data.Length)
        {
            var word = BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]);
            var inverted = ~word;
            var ffBytes = (inverted - Ones) & ~inverted & HighBits; // flags every 0xFF byte (and maybe a few more)
            var taken = ~0UL << (64 - 8 * room);
            if ((ffBytes & taken) == 0)
            {
                _position += room;
                return (bits | (word & taken) >> count, count + 8 * room);
            }
        }

        while (count <= 56)
        {
            ulong next = 0;
            if (!_atMarker && _position < _data.Length)
            {
                var b = _data[_position];
                if (b != 0xFF)
                {
                    next = b;
                    _position++;
                }
                else if (_position + 1 < _data.Length && _data[_position + 1] == 0x00)
                {
                    next = 0xFF;
                    _position += 2;
                }
                else if (_position + 1 < _data.Length && _data[_position + 1] == 0xFF)
                {
                    _position++; // fill byte before a marker
                    continue;
                }
                else
                {
                    _atMarker = true;
                    _paddingBits += 8;
                }
            }
            else
            {
                _paddingBits += 8;
            }

            bits |= next << (56 - count);
            count += 8;
        }

        return (bits, count);
    }

    /// <summary>At a restart interval's end: drops the byte-alignment padding and reads the RSTn marker.</summary>
    public bool SkipRestartMarker()
    {
        // Whatever real bits are still buffered can only be the padding of the interval's last byte.
        if (Overran || Count - _paddingBits >= 8)
        {
            return false;
        }

        while (_position + 1 < _data.Length && _data[_position] == 0xFF && _data[_position + 1] == 0xFF)
        {
            _position++; // fill bytes before the marker
        }

        if (_position + 1 >= _data.Length || _data[_position] != 0xFF || _data[_position + 1] is < 0xD0 or > 0xD7)
        {
            return false;
        }

        _position += 2;
        Bits = 0;
        Count = 0;
        _paddingBits = 0;
        _atMarker = false;
        return true;
    }
}
