namespace BlendSign.Data.Dicom;

// The reason is in words a person understands. NeedsNativeCodec comes from a reader told to keep native codecs out of
// the process: decode it elsewhere.
public sealed record DicomReadResult(DicomSlice? Slice, string? RejectionReason, bool NeedsNativeCodec = false)
{
    public static DicomReadResult NativeCodecNeeded { get; } = new(null, null, NeedsNativeCodec: true);

    public static DicomReadResult Accepted(DicomSlice slice) => new(slice, null);
    public static DicomReadResult Rejected(string reason) => new(null, reason);
}
