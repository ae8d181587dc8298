namespace BlendSign.Model.Augmentation;

// The study's ranges, drawn per slice per epoch. The study gives no shift range; a tenth of the side keeps the head in view.
public sealed record AugmentationOptions
{
    public double FlipProbability { get; init; } = 0.5;
    public double MaxShift { get; init; } = 0.1;
    public double MaxRotationDegrees { get; init; } = 10;
    public double MinScale { get; init; } = 0.9;
    public double MaxScale { get; init; } = 1.1;

    public static AugmentationOptions Study { get; } = new();
}
