namespace BlendSign.Data.Demo;

/// <summary>A box and center as a simulated rater drew them, in whole pixels of the original slice.</summary>
public sealed record SimulatedBox(double CenterX, double CenterY, double Left, double Top, double Right, double Bottom);
