using BlendSign.Data.Dicom;
using BlendSign.Data.Storage;

namespace BlendSign.Data.Import;

internal sealed record DecodeOutcome(int Sequence, string File, DicomSliceHeader? Header, EncodedSlice? Slice, string? Rejection)
{
    public static DecodeOutcome Rejected(ImportCandidate candidate, string reason) =>
        new(candidate.Sequence, candidate.File, null, null, reason);
}
