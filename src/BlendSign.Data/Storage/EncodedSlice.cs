namespace BlendSign.Data.Storage;

/// <summary>A slice ready for the <see cref="SliceStore"/>: its content key and the exact bytes of its store file.</summary>
public sealed record EncodedSlice(string Key, byte[] Content, int Rows, int Columns);
