namespace BlendSign.Model.Metrics;

/// <summary>One class's Table 3 metrics as 95 % intervals; null where too few resamples define the metric.</summary>
public sealed record ClassIntervals(Interval? Sensitivity, Interval? Specificity, Interval? F1, Interval? Auc);
