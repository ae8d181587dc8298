namespace BlendSign.Data.Demo;

public sealed record PhantomOptions
{
    public int MinSlices { get; init; } = 8;
    public int MaxSlices { get; init; } = 12;

    /// <summary>Share of scans with a blend-sign hematoma; with the rest, tuned to the study's 22:9:1 slice mix.</summary>
    public double BlendSignScanShare { get; init; } = 0.125;

    /// <summary>Share of scans with one or more homogeneous bleeds (independent of a blend-sign hematoma).</summary>
    public double NormalIchScanShare { get; init; } = 0.6;

    /// <summary>Share of those scans with a second homogeneous bleed.</summary>
    public double SecondBleedShare { get; init; } = 0.3;
}
