namespace BlendSign.Data.Labels;

/// <summary>Coordinates in pixels of the original slice (edges between 0 and the slice's Columns / Rows).</summary>
public static class BoxCsv
{
    public const string RaterColumn = "rater";
    public const string SopInstanceUidColumn = "sop_instance_uid";
    public const string CenterXColumn = "center_x";
    public const string CenterYColumn = "center_y";
    public const string LeftColumn = "left";
    public const string TopColumn = "top";
    public const string RightColumn = "right";
    public const string BottomColumn = "bottom";

    public static IReadOnlyList<string> Columns { get; } =
        [RaterColumn, SopInstanceUidColumn, CenterXColumn, CenterYColumn, LeftColumn, TopColumn, RightColumn, BottomColumn];

    public static IReadOnlyList<string> CoordinateColumns { get; } = Columns.Skip(2).ToList();

    public static string Header { get; } = string.Join(',', Columns);
}
