using BlendSign.Model.Metrics;

namespace BlendSign.Web.Features.Training;

/// <summary>An ablation row minus the baseline row (WCE) per class and metric, paired on the same out-of-fold slices.</summary>
public sealed record AblationDifference(string Method, string Baseline, IReadOnlyList<IReadOnlyList<PairedDifference>> PerClass);
