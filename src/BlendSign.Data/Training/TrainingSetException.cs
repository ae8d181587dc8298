namespace BlendSign.Data.Training;

/// <summary>The gold standard cannot support the run (no gold labels yet, fewer scans than folds): a user's matter, not a bug.</summary>
public sealed class TrainingSetException(string message) : Exception(message);
