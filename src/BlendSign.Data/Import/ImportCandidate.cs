namespace BlendSign.Data.Import;

// A zip entry's LocalPath is a scratch file, deleted once decoded; Rejection is set when the file was refused before
// decoding (missing path, unreadable zip entry).
internal sealed record ImportCandidate(int Sequence, string File, string? LocalPath, bool IsScratch, string? Rejection);
