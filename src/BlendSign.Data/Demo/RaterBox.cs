namespace BlendSign.Data.Demo;

/// <summary>A box and center as a rater drew them, in whole pixels of the original slice.</summary>
public sealed record RaterBox(double CenterX, double CenterY, double Left, double Top, double Right, double Bottom);
