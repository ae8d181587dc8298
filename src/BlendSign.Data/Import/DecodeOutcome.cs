using BlendSign.Data.Dicom;
using BlendSign.Data.Storage;

namespace BlendSign.Data.Import;

/// <summary>A decoded slice ready for the database and the store, or the reason the file was refused.</summary>
internal sealed record DecodeOutcome(int Sequence, string File, DicomSliceHeader? Header, EncodedSlice? Slice, string? Rejection)
{
    public static DecodeOutcome Rejected(ImportCandidate candidate, string reason) =>
        new(candidate.Sequence, candidate.File, null, null, reason);
}
