namespace BlendSign.Model.Review;

public sealed record ReviewScoringOptions
{
    /// <summary>p(normal_ich) + p(blend_sign) at or above which a slice without a consensus box is flagged.</summary>
    public double BleedConfidence { get; init; } = 0.9;

    /// <summary>p(non_ich) at or above which a slice with a consensus box is flagged.</summary>
    public double NoBleedConfidence { get; init; } = 0.9;
}
