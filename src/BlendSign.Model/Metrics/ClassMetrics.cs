namespace BlendSign.Model.Metrics;

// Null where undefined: sensitivity without positives, specificity without negatives, F1 when 2TP + FN + FP = 0, ROC
// AUC unless both positives and negatives are present.
public sealed record ClassMetrics(
    int Positives,
    int Negatives,
    double? Sensitivity,
    double? Specificity,
    double? F1,
    double? Auc);
