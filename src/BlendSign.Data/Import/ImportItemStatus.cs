namespace BlendSign.Data.Import;

/// <summary>The verdict on one file of an import (wire values <c>imported</c>, <c>duplicate</c>, <c>rejected</c>).</summary>
public enum ImportItemStatus
{
    Imported,
    Duplicate,
    Rejected,
}
