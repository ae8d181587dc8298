namespace BlendSign.Data.Storage;

public sealed record EncodedSlice(string Key, byte[] Content, int Rows, int Columns);
