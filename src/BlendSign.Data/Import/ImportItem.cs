namespace BlendSign.Data.Import;

/// <summary>One file seen by an import. <see cref="File"/> is the path as given (inside a zip: <c>archive.zip!entry</c>).</summary>
public sealed record ImportItem(string File, ImportItemStatus Status, string? SopInstanceUid, string? Reason);
