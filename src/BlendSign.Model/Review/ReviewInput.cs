namespace BlendSign.Model.Review;

/// <summary>
/// One slice as review scoring sees it: its gold label and the run's out-of-fold probabilities (class order
/// non_ich, normal_ich, blend_sign), each rater's label (null where the rater has none), and whether the gold
/// standard has a consensus box on it.
/// </summary>
public sealed record ReviewInput(string Key, int GoldLabel, IReadOnlyList<double> Probabilities, IReadOnlyList<int?> RaterLabels, bool HasConsensusBox);
