namespace BlendSign.Model.Review;

/// <summary>A slice where one rater's label differs from both the gold label and the model's prediction.</summary>
public sealed record RaterDisagreement(int RaterIndex, string Key, int RaterLabel, int GoldLabel, int PredictedLabel);
