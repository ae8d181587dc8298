namespace BlendSign.Model.Augmentation;

/// <summary>
/// The study's augmentation ranges. Every slice draws, each epoch: a left-right flip (probability
/// <see cref="FlipProbability"/>), a left-right and an up-down shift (uniform, ± <see cref="MaxShift"/> of the side),
/// a rotation (uniform, ± <see cref="MaxRotationDegrees"/>) and a scale (uniform in [<see cref="MinScale"/>,
/// <see cref="MaxScale"/>]). The study gives no shift range; a tenth of the side keeps the head in view.
/// </summary>
public sealed record AugmentationOptions
{
    public double FlipProbability { get; init; } = 0.5;
    public double MaxShift { get; init; } = 0.1;
    public double MaxRotationDegrees { get; init; } = 10;
    public double MinScale { get; init; } = 0.9;
    public double MaxScale { get; init; } = 1.1;

    public static AugmentationOptions Study { get; } = new();
}
