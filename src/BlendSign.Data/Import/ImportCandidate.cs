namespace BlendSign.Data.Import;

/// <summary>
/// One file to judge, in the order the sources were walked. <see cref="LocalPath"/> is where its bytes are
/// (a zip entry is extracted to a scratch file, deleted once decoded); <see cref="Rejection"/> is set when
/// the file was refused before decoding (missing path, unreadable zip entry).
/// </summary>
internal sealed record ImportCandidate(int Sequence, string File, string? LocalPath, bool IsScratch, string? Rejection);
