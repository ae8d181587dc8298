namespace BlendSign.Model.CrossValidation;

/// <summary>
/// Where an interrupted cross-validation continues: fold (1-based), the generation being trained (0 = the teacher)
/// and its finished epochs (the next epoch is <c>EpochsDone + 1</c>), after <paramref name="FoldsFinished"/> finished folds.
/// </summary>
public sealed record ResumePoint(int Fold, int Generation, int EpochsDone, int FoldsFinished);
