namespace BlendSign.Data.Labels;

/// <summary>The labels CSV (DESIGN.md): header <c>rater,sop_instance_uid,label</c>, one row per (rater, slice).</summary>
public static class LabelCsv
{
    public const string RaterColumn = "rater";
    public const string SopInstanceUidColumn = "sop_instance_uid";
    public const string LabelColumn = "label";

    public static IReadOnlyList<string> Columns { get; } = [RaterColumn, SopInstanceUidColumn, LabelColumn];

    public static string Header { get; } = string.Join(',', Columns);

    /// <summary>
    /// Written only when asked for (<c>labels export --with-measurements</c>): the blend-sign helper a rater attached to
    /// the read, empty where none was. The import reads the three columns above only.
    /// </summary>
    public static IReadOnlyList<string> MeasurementColumns { get; } =
        ["blend_sign_roi_mean_a_hu", "blend_sign_roi_mean_b_hu", "blend_sign_difference_hu", "blend_sign_18hu_met"];
}
