namespace BlendSign.Web.Features.Training;

/// <summary>The gold standard cannot support the run (no gold labels yet, fewer scans than folds): a user's matter, not a bug.</summary>
internal sealed class TrainingSetException(string message) : Exception(message);
