namespace BlendSign.Model.Review;

// Probabilities in class order non_ich, normal_ich, blend_sign; a rater's label is null where the rater has none.
public sealed record ReviewInput(string Key, int GoldLabel, IReadOnlyList<double> Probabilities, IReadOnlyList<int?> RaterLabels, bool HasConsensusBox);
