using System.Buffers.Binary;
using System.Text;

namespace BlendSign.Data.Export.Sr;

// Explicit VR Little Endian: 128-byte preamble, "DICM", the meta group 0002 with its group length, then the data set;
// sequences and items of undefined length with delimiters; values padded to even length (UI with NUL, text with space).
public static class DicomPart10Writer
{
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>BlendSign's implementation class UID (a UUID-derived 2.25 UID, fixed) and version name.</summary>
    public const string ImplementationClassUid = "2.25.231604861458426418730419346913406421571";
    public const string ImplementationVersionName = "BLENDSIGN_1";

    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    public static void Write(Stream output, DicomDataset dataset, string sopClassUid, string sopInstanceUid)
    {
        var meta = new MemoryStream();
        using (var metaWriter = new BinaryWriter(meta, Encoding.ASCII, leaveOpen: true))
        {
            WriteElement(metaWriter, new DicomElement(0x0002, 0x0001, "OB", new byte[] { 0, 1 }));
            WriteElement(metaWriter, new DicomElement(0x0002, 0x0002, "UI", sopClassUid));
            WriteElement(metaWriter, new DicomElement(0x0002, 0x0003, "UI", sopInstanceUid));
            WriteElement(metaWriter, new DicomElement(0x0002, 0x0010, "UI", ExplicitVrLittleEndian));
            WriteElement(metaWriter, new DicomElement(0x0002, 0x0012, "UI", ImplementationClassUid));
            WriteElement(metaWriter, new DicomElement(0x0002, 0x0013, "SH", ImplementationVersionName));
        }

        using var writer = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true);
        writer.Write(new byte[128]);
        writer.Write("DICM"u8);
        WriteElement(writer, new DicomElement(0x0002, 0x0000, "UL", new[] { (uint)meta.Length }));
        writer.Write(meta.GetBuffer(), 0, (int)meta.Length);
        WriteDataset(writer, dataset);
    }

    private static void WriteDataset(BinaryWriter writer, DicomDataset dataset)
    {
        foreach (var element in dataset.Elements)
        {
            WriteElement(writer, element);
        }
    }

    private static void WriteElement(BinaryWriter writer, DicomElement element)
    {
        writer.Write(element.Group);
        writer.Write(element.Element);
        writer.Write(Encoding.ASCII.GetBytes(element.Vr));
        if (element.Value is List<DicomDataset> items)
        {
            writer.Write((ushort)0);
            writer.Write(uint.MaxValue);
            foreach (var item in items)
            {
                WriteTag(writer, 0xFFFE, 0xE000, uint.MaxValue);
                WriteDataset(writer, item);
                WriteTag(writer, 0xFFFE, 0xE00D, 0);
            }

            WriteTag(writer, 0xFFFE, 0xE0DD, 0);
            return;
        }

        var value = Encode(element);
        if (LongLengthVrs.Contains(element.Vr))
        {
            writer.Write((ushort)0);
            writer.Write((uint)value.Length);
        }
        else
        {
            writer.Write(checked((ushort)value.Length));
        }

        writer.Write(value);
    }

    private static void WriteTag(BinaryWriter writer, ushort group, ushort element, uint length)
    {
        writer.Write(group);
        writer.Write(element);
        writer.Write(length);
    }

    private static byte[] Encode(DicomElement element)
    {
        switch (element.Value)
        {
            case string text:
                if (!Ascii.IsValid(text))
                {
                    throw new ArgumentException($"({element.Group:X4},{element.Element:X4}) holds non-ASCII text; this writer sets no character set.", nameof(element));
                }

                var bytes = Encoding.ASCII.GetBytes(text);
                if (bytes.Length % 2 == 0)
                {
                    return bytes;
                }

                var padded = new byte[bytes.Length + 1];
                bytes.CopyTo(padded, 0);
                padded[^1] = element.Vr == "UI" ? (byte)0 : (byte)' ';
                return padded;
            case ushort[] shorts:
                var us = new byte[shorts.Length * 2];
                for (var i = 0; i < shorts.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(us.AsSpan(i * 2), shorts[i]);
                }

                return us;
            case uint[] longs:
                var ul = new byte[longs.Length * 4];
                for (var i = 0; i < longs.Length; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(ul.AsSpan(i * 4), longs[i]);
                }

                return ul;
            case float[] floats:
                var fl = new byte[floats.Length * 4];
                for (var i = 0; i < floats.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(fl.AsSpan(i * 4), floats[i]);
                }

                return fl;
            case byte[] raw:
                return raw.Length % 2 == 0 ? raw : [.. raw, 0];
            default:
                throw new ArgumentException($"Unsupported value for ({element.Group:X4},{element.Element:X4}) {element.Vr}.", nameof(element));
        }
    }
}
