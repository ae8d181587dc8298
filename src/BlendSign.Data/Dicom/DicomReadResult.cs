namespace BlendSign.Data.Dicom;

/// <summary>Either a decoded slice or the reason, in words a person understands, why it was refused.</summary>
public sealed record DicomReadResult(DicomSlice? Slice, string? RejectionReason)
{
    public static DicomReadResult Accepted(DicomSlice slice) => new(slice, null);
    public static DicomReadResult Rejected(string reason) => new(null, reason);
}
