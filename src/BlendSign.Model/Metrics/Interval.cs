namespace BlendSign.Model.Metrics;

/// <summary>A 95 % percentile interval of a bootstrapped metric.</summary>
public sealed record Interval(double Lower, double Upper)
{
    public bool Contains(double value) => Lower <= value && value <= Upper;
}
