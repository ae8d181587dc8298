namespace BlendSign.Data.Labels;

/// <summary>The labels CSV (DESIGN.md): header <c>rater,sop_instance_uid,label</c>, one row per (rater, slice).</summary>
public static class LabelCsv
{
    public const string RaterColumn = "rater";
    public const string SopInstanceUidColumn = "sop_instance_uid";
    public const string LabelColumn = "label";

    public static IReadOnlyList<string> Columns { get; } = [RaterColumn, SopInstanceUidColumn, LabelColumn];

    public static string Header { get; } = string.Join(',', Columns);
}
