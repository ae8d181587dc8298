namespace BlendSign.Data.Dicom;

/// <summary>
/// Either a decoded slice or the reason, in words a person understands, why it was refused; or, from a reader told
/// to keep native codecs out of the process, <see cref="NeedsNativeCodec"/>: decode it elsewhere.
/// </summary>
public sealed record DicomReadResult(DicomSlice? Slice, string? RejectionReason, bool NeedsNativeCodec = false)
{
    public static DicomReadResult NativeCodecNeeded { get; } = new(null, null, NeedsNativeCodec: true);

    public static DicomReadResult Accepted(DicomSlice slice) => new(slice, null);
    public static DicomReadResult Rejected(string reason) => new(null, reason);
}
