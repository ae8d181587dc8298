using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace BlendSign.Data.Dicom.Isolation;

// Over the child's standard streams: the child greets with Greeting; each request is one line, the file's path as a
// JSON string; each answer is one frame: a little-endian int32 length, that many bytes of JSON (Answer), a
// little-endian int32 pixel count and that many int16 stored values.
internal static class DecoderProtocol
{
    public static ReadOnlySpan<byte> Greeting => "BSD1"u8;

    private const int MaxAnswerBytes = 1 << 20;
    private const int MaxPixels = (int)(DicomSliceReader.MaxFileBytes / sizeof(short));

    public static string Request(string path) => JsonSerializer.Serialize(path);

    public static string? ReadRequest(string line) => JsonSerializer.Deserialize<string>(line);

    public static void WriteAnswer(Stream output, DicomReadResult result)
    {
        var slice = result.Slice;
        var answer = new Answer(result.RejectionReason ?? (slice is null ? "file could not be decoded" : null), slice?.Header,
            slice?.Pixels.Rows ?? 0, slice?.Pixels.Columns ?? 0, slice?.Pixels.Slope ?? 1, slice?.Pixels.Intercept ?? 0);
        var json = JsonSerializer.SerializeToUtf8Bytes(answer);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        output.Write(length);
        output.Write(json);
        var pixels = slice?.Pixels.Stored ?? [];
        BinaryPrimitives.WriteInt32LittleEndian(length, pixels.Length);
        output.Write(length);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The decoder protocol sends pixels little-endian.");
        }

        output.Write(MemoryMarshal.AsBytes(pixels.AsSpan()));
        output.Flush();
    }

    /// <summary>The next answer; throws <see cref="EndOfStreamException"/> when the child is gone before it finished one.</summary>
    public static async Task<DicomReadResult> ReadAnswerAsync(Stream input, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        await input.ReadExactlyAsync(length, cancellationToken);
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (jsonLength is <= 0 or > MaxAnswerBytes)
        {
            throw new InvalidDataException($"decoder answer of {jsonLength} bytes");
        }

        var json = new byte[jsonLength];
        await input.ReadExactlyAsync(json, cancellationToken);
        var answer = JsonSerializer.Deserialize<Answer>(json) ?? throw new InvalidDataException("empty decoder answer");
        await input.ReadExactlyAsync(length, cancellationToken);
        var count = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (count < 0 || count > MaxPixels || (answer.Header is not null && count != answer.Rows * answer.Columns))
        {
            throw new InvalidDataException($"decoder answer with {count} pixels");
        }

        var bytes = new byte[count * sizeof(short)];
        await input.ReadExactlyAsync(bytes, cancellationToken);
        var stored = new short[count];
        Buffer.BlockCopy(bytes, 0, stored, 0, bytes.Length);
        return answer.Header is { } header && answer.Reason is null
            ? DicomReadResult.Accepted(new DicomSlice(header, new HuSlice(answer.Rows, answer.Columns, stored, answer.Slope, answer.Intercept)))
            : DicomReadResult.Rejected(answer.Reason ?? "file could not be decoded");
    }

    internal sealed record Answer(string? Reason, DicomSliceHeader? Header, int Rows, int Columns, double Slope, double Intercept);
}
