namespace BlendSign.Data.Export;

/// <summary>The element type <see cref="NpyWriter"/> chose for a slice.</summary>
public enum NpyDataType
{
    Int16,
    Float64,
}
