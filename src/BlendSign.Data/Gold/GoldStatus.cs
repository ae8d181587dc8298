namespace BlendSign.Data.Gold;

/// <summary>How a slice's gold label was reached (CSV values in DESIGN.md).</summary>
public enum GoldStatus
{
    Unanimous,
    Majority,
    Adjudicated,
    Tie,
    Incomplete,
}
