namespace BlendSign.Data.Export;

public enum NpyDataType
{
    Int16,
    Float64,
}
