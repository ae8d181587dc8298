namespace BlendSign.Data.Labels;

/// <summary>The study's three mutually exclusive slice classes, in the order used everywhere.</summary>
public enum HemorrhageClass
{
    NonIch = 0,
    NormalIch = 1,
    BlendSign = 2,
}
